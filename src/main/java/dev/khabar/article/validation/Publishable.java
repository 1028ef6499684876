package dev.khabar.article.validation;

/**
 * Validation group of the rules a published article must meet on top of the default ones: a draft may be saved
 * unfinished (no subtitle, lead or closing yet), an article may not be published that way.
 */
public interface Publishable {
}
