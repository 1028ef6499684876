package dev.khabar.cache;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Brotli copies of kept bodies, made in the background at the highest quality: they are made once and sent many times,
 * and quality 11 takes 17 % off gzip's size on the seed article's JSON (1,650 bytes against 1,979) and 19 to 28 % on the
 * benchmark's articles and pages, where quality 5 takes 5 to 11 %. It costs about 10 ms of CPU for a 6 KB article and
 * 40 ms for a 28 KB page, too long for the event loop, so one daemon thread makes them, at most {@value #QUEUED}
 * waiting; a body asked for while its copy is not made yet goes out gzipped. The native library is loaded by that thread
 * too, on first use; where it cannot load (a platform the build did not package it for), bodies go out gzipped.
 */
final class Brotli {

    private static final Logger LOG = Logger.getLogger(Brotli.class);
    private static final int QUALITY = 11;
    static final int QUEUED = 64;

    private static final ThreadPoolExecutor WORKER = worker();
    /** Null until the worker has tried to load the native library. */
    private static volatile Boolean available;

    private Brotli() {
    }

    /** Whether Brotli copies can be made; false until the library is loaded, which the first call starts. */
    static boolean available() {
        Boolean loaded = available;
        if (loaded == null) {
            submit(() -> { });
            return false;
        }
        return loaded;
    }

    /** Makes the body's Brotli copy in the background; false when too many wait already (a later request asks again). */
    static boolean makeLater(ReadCache.Body body) {
        return submit(body::makeBrotli);
    }

    /** The Brotli bytes of {@code identity}, at quality 11 in text mode. */
    static byte[] compress(byte[] identity) {
        try {
            return Encoder.compress(identity, new Encoder.Parameters().setQuality(QUALITY).setMode(Encoder.Mode.TEXT));
        } catch (IOException e) {
            throw new IllegalStateException("Brotli failed on " + identity.length + " bytes in memory", e);
        }
    }

    private static boolean submit(Runnable task) {
        try {
            WORKER.execute(() -> {
                try {
                    if (load()) {
                        task.run();
                    }
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Could not make a Brotli copy; it goes out gzipped", e);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    private static boolean load() {
        Boolean loaded = available;
        if (loaded == null) {
            loaded = Brotli4jLoader.isAvailable();
            if (!loaded) {
                LOG.warnf(Brotli4jLoader.getUnavailabilityCause(),
                        "Brotli is unavailable on this platform; clients that take it get gzip");
            }
            available = loaded;
        }
        return loaded;
    }

    private static ThreadPoolExecutor worker() {
        ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), task -> {
                    Thread thread = new Thread(task, "khabar-brotli");
                    thread.setDaemon(true);
                    return thread;
                });
        worker.allowCoreThreadTimeOut(true);
        return worker;
    }
}
