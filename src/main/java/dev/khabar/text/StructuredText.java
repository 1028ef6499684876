package dev.khabar.text;

import java.util.List;

import dev.khabar.article.Section;

/** The parts of an article that its plain-text layout carries, in reading order. */
public record StructuredText(String category, String title, String subtitle, String lead, List<Section> sections,
        String closing) {
}
