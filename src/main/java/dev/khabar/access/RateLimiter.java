package dev.khabar.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fixed-window request counters, per key or per client address, in this instance's memory: with N instances behind a
 * load balancer a client gets up to N times the limit. Windows are aligned to the epoch, so every counter of a window
 * resets at once; memory is bounded by dropping the counters of past windows.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_COUNTERS = 100_000;

    private record Counter(long window, AtomicInteger used) {
    }

    /** The outcome of one request against a policy; {@code remaining} and {@code reset} are what the headers say. */
    public record Decision(String policy, int limit, long windowSeconds, int remaining, long resetSeconds,
            boolean allowed) {

        /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers). */
        public String policyHeader() {
            return "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds;
        }

        /** {@code RateLimit}: what is left of the quota, and seconds until it is whole again. */
        public String limitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Counts one request of {@code client} against {@code limit} per {@code window}; limit 0 means unlimited. */
    public Decision take(String policy, String client, int limit, Duration window, long nowMillis) {
        long windowMillis = Math.max(1000, window.toMillis());
        long current = nowMillis / windowMillis;
        long reset = Math.max(1, ((current + 1) * windowMillis - nowMillis + 999) / 1000);
        if (limit <= 0) {
            return new Decision(policy, 0, windowMillis / 1000, 0, reset, true);
        }
        if (counters.size() > MAX_COUNTERS) {
            counters.values().removeIf(c -> c.window() < current);
        }
        Counter counter = counters.compute(policy + ' ' + client,
                (k, c) -> c == null || c.window() != current ? new Counter(current, new AtomicInteger()) : c);
        int used = counter.used().incrementAndGet();
        return new Decision(policy, limit, windowMillis / 1000, Math.max(0, limit - used), reset, used <= limit);
    }
}
