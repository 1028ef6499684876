package dev.khabar.article.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Pages being rendered for anonymous readers right now, and the readers waiting for them: when several readers ask
 * for the same page the cache does not hold (the first search for a word after a write, say), one of them renders it
 * and the others wait for the copy it keeps, instead of each running the same queries.
 */
final class Renderings {

    /** Readers that wait for one page at most; more go to the database themselves. */
    static final int MAX_WAITING = 256;

    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    /** What a reader who missed a page does. */
    enum Role {
        /** Renders the page, and calls {@link #done} when its response is over. */
        RENDER,
        /** Waits: another reader renders it. */
        WAIT,
        /** Renders it too, as too many wait already (or it is not on an event loop). */
        ALONE
    }

    /**
     * Joins the readers of a page the cache does not hold. A reader told to {@link Role#WAIT} is resumed, on its own
     * event loop, once the reader rendering the page has answered.
     */
    Role join(String key, Runnable resume) {
        Context context = Vertx.currentContext();
        Role[] role = { Role.RENDER };
        waiting.compute(key, (k, readers) -> {
            if (readers == null) {
                return new ArrayList<>();
            }
            if (context != null && readers.size() < MAX_WAITING) {
                readers.add(() -> context.runOnContext(v -> resume.run()));
                role[0] = Role.WAIT;
            } else {
                role[0] = Role.ALONE;
            }
            return readers;
        });
        return role[0];
    }

    /** The page's rendering is over (kept or not): its readers go on. */
    void done(String key) {
        List<Runnable> readers = waiting.remove(key);
        if (readers != null) {
            readers.forEach(Runnable::run);
        }
    }
}
