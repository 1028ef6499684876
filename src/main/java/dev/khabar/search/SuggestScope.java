package dev.khabar.search;

import java.util.List;
import java.util.UUID;

/**
 * What a cached list of type-ahead suggestions depends on: the normalised text typed, and the titles shown. A write
 * of an article can change the list only if the article was shown, or if its title now starts a word with the text or
 * has a word like it (ReadCache#changed); every other write leaves it as it is, since the suggestions are the newest
 * titles with a word starting with the text, then the most similar ones, and the article is neither.
 */
public record SuggestScope(String text, List<UUID> shown) implements PageScope {

    public SuggestScope {
        shown = List.copyOf(shown);
    }

    public boolean shows(UUID id) {
        return shown.contains(id);
    }

    @Override
    public int weight() {
        return 64 + text.length() * 2 + shown.size() * 32;
    }
}
