package dev.khabar.search;

/**
 * What a cached page of search results or suggestions depends on, so that a write drops it only if it can change it
 * (ReadCache#changed). Lists have none: every write drops them.
 */
public sealed interface PageScope permits SearchScope, SuggestScope {

    /** Bytes kept, roughly. */
    int weight();
}
