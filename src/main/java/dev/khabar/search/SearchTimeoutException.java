package dev.khabar.search;

import java.time.Duration;

/** A search ran past its time limit and was stopped in the database. */
public class SearchTimeoutException extends RuntimeException {

    public SearchTimeoutException(Duration limit) {
        super("The search took longer than " + limit.toMillis() + " ms and was stopped: add words, a phrase or filters "
                + "(lang, category, publishedAfter) to narrow it.", null, false, false);
    }
}
