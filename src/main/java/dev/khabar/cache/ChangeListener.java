package dev.khabar.cache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.khabar.change.ArticleChanged;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the {@link ReadCache} of this instance in step with the database: one connection, held for good, listens on
 * {@code khabar_article} (V6__change_notify.sql) and drops what each committed write touched, whichever instance made
 * it. The same connection tracks the next scheduled publication, after which cached list pages are stale.
 *
 * <p>A silent connection is not trusted: it is checked with a query every few seconds, with a network timeout, and if
 * it fails the cache stops serving until a new connection listens (reads go to the database meanwhile).
 */
@ApplicationScoped
public class ChangeListener {

    static final String CHANNEL = "khabar_article";
    /** How the listener's connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "khabar change listener";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 250;
    private static final long CHECK_MILLIS = 3_000;
    private static final int NETWORK_TIMEOUT_MILLIS = 3_000;
    /**
     * The earliest scheduled publication. Run every few seconds, so it must not read the table: a published article is
     * listed at its publication time (Article), and the listing index is read from now on. min(published_at) read
     * every published row: 160 ms at 100,000 articles, most of PostgreSQL's time during a bulk import.
     */
    private static final String NEXT_DUE = """
            select published_at from article where status = 'published' and listed_at > now() and published_at > now()
            order by listed_at limit 1""";

    @Inject
    AgroalDataSource database;
    @Inject
    ReadCache cache;
    @Inject
    Event<ReadCache.Emptied> emptied;

    private final ExecutorService timeouts = Executors.newSingleThreadExecutor(r -> daemon(r, "khabar-listener-timeout"));
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            return;
        }
        running = true;
        thread = daemon(this::run, "khabar-change-listener");
        thread.start();
    }

    /**
     * Waits for the listening thread to end, so that it never reaches for the cache after the container is gone (a stop
     * right after the start used to print an "ArC container not initialized" stack trace).
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2 * WAIT_MILLIS + NETWORK_TIMEOUT_MILLIS);
        }
        timeouts.shutdownNow();
    }

    private void run() {
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = database.getConnection()) {
                listen(connection);
                if (failedBefore) {
                    LOG.info("Listening for article changes again; the read cache serves again");
                }
                failedBefore = false;
                follow(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                cache.listening(false);
                if (!failedBefore) {
                    LOG.warnf("Not listening for article changes (%s); reads go to the database until it is back",
                            e.getMessage());
                }
                failedBefore = true;
                sleep(1_000);
            }
        }
        cache.listening(false);
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        connection.setNetworkTimeout(timeouts, NETWORK_TIMEOUT_MILLIS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set application_name = '" + APPLICATION_NAME + "'");
            statement.execute("listen " + CHANNEL);
        }
        // Listening from here on: whatever changed before is dropped, whatever changes after is notified.
        cache.listening(true);
        cache.nextDue(nextDue(connection));
        emptied.fireAsync(new ReadCache.Emptied());
    }

    private void follow(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long checked = System.currentTimeMillis();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            long now = System.currentTimeMillis();
            if (received != null && received.length > 0) {
                cache.changed(changes(received), SearchMatches.on(connection));
                cache.nextDue(nextDue(connection));
                checked = now;
            } else if (!Instant.ofEpochMilli(now).isBefore(cache.nextDue()) || now - checked >= CHECK_MILLIS) {
                // A scheduled article came due (pages must be read again), or the connection has been quiet: a query
                // both refreshes the next publication time and proves the connection is alive.
                cache.nextDue(nextDue(connection));
                checked = now;
            }
        }
    }

    /** The articles notified: "id language slug" each (V6__change_notify.sql). */
    private static List<ArticleChanged> changes(PGNotification[] received) {
        List<ArticleChanged> changes = new ArrayList<>(received.length);
        for (PGNotification notification : received) {
            String[] parts = notification.getParameter().split(" ", 3);
            try {
                changes.add(new ArticleChanged(UUID.fromString(parts[0]), parts.length == 3 ? parts[1] : "",
                        parts.length == 3 ? parts[2] : ""));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Ignoring a malformed notification on %s: %s", CHANNEL, notification.getParameter());
            }
        }
        return changes;
    }

    private static Instant nextDue(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(NEXT_DUE)) {
            return row.next() ? row.getTimestamp(1).toInstant() : null;
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
