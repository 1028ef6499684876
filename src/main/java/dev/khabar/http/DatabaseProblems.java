package dev.khabar.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * While the database cannot be reached, requests that need it fail with a 503 problem and a {@code Retry-After},
 * not a 500: the outage is the database's, and the same request succeeds once it is back (the pool reconnects by
 * itself, see the datasource settings in application.properties).
 *
 * <p>What reaches an exception mapper is rarely the JDBC error itself: Hibernate, the transaction manager and CDI
 * interceptors wrap it, sometimes as a suppressed exception of another failure (a rollback that also could not reach
 * the database), so the whole chain of causes and suppressed exceptions is searched.
 */
public class DatabaseProblems {

    /** Seconds a client should wait before retrying: about how long the pool takes to notice the database is back. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(DatabaseProblems.class);
    private static final String ANSWERED = DatabaseProblems.class.getName() + ".answered";
    /** Enough for any real chain; bounds the walk over a pathological one. */
    private static final int MAX_VISITED = 64;
    /** Fatal connection errors outside SQLSTATE class 08: the server is shutting down, crashed, or not accepting. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /**
     * Registered for every exception, like {@link ProblemMappers#unexpected}, but ahead of it (a lower priority value
     * wins between mappers of the same type): specific mappers still take their exceptions first, and whatever is not
     * a lost database goes on to be answered as before.
     */
    @ServerExceptionMapper(priority = 9_000)
    public Response databaseUnavailable(Throwable e, HttpServerRequest request, ContainerRequestContext context) {
        if (!isDatabaseUnreachable(e)) {
            return new ProblemMappers().unexpected(e, request);
        }
        context.setProperty(ANSWERED, Boolean.TRUE);
        // One line, no stack trace: an outage fails every request, and the pool logs the connection errors already.
        LOG.warnf("Database unreachable on %s %s: %s", request.method(), request.path(), describe(e));
        return unavailable(request.path());
    }

    /**
     * Whether this request was answered 503 because the database could not be reached: response filters need not
     * try the database again (and wait for it a second time) for it.
     */
    public static boolean answeredUnavailable(ContainerRequestContext context) {
        return Boolean.TRUE.equals(context.getProperty(ANSWERED));
    }

    /** The 503 answered while the database cannot be reached. */
    public static Response unavailable(String path) {
        return Problems.response(Problems.problem(503, ProblemTypes.UNAVAILABLE, "Service Unavailable",
                "The database cannot be reached at the moment; retry in a few seconds.",
                path, null)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** Whether this failure, or anything it wraps, says the database could not be reached or the connection broke. */
    public static boolean isDatabaseUnreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        boolean jdbc = false;
        boolean transport = false;
        while (!todo.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                jdbc = true;
                if (isConnectionState(sql.getSQLState()) || isAcquisitionTimeout(sql) || isClosedByThePool(sql)) {
                    return true;
                }
            } else if (t instanceof org.hibernate.JDBCException) {
                jdbc = true;
            } else if (t instanceof XAException xa) {
                // The transaction manager's view of a commit or rollback that could not reach the database.
                jdbc = true;
                if (xa.errorCode == XAException.XAER_RMFAIL) {
                    return true;
                }
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof EOFException) {
                transport = true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        // A broken socket counts only under a JDBC error: the client's own connection breaking is no database outage.
        return jdbc && transport;
    }

    /** SQLSTATE class 08 (connection exception), or the server going away. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
    }

    /**
     * Agroal's "Acquisition timeout while waiting for new connection" (and "Sorry, acquisition timeout!"): no
     * connection could be made or freed in time. Agroal gives these no SQLSTATE, only the message.
     */
    private static boolean isAcquisitionTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * Agroal's "This connection has been closed.": the pool dropped the connection under a running statement because it
     * failed (with JDBC batching, PostgreSQL's driver then reports it as an AssertionError wrapping this). No SQLSTATE.
     */
    private static boolean isClosedByThePool(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connection has been closed");
    }

    /** The innermost message, which names what failed (e.g. "Connection to 127.0.0.1:5432 refused"). */
    private static String describe(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_VISITED; depth++) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root == e ? "" : " (" + root.getClass().getSimpleName() + ")") + ": "
                + (root.getMessage() == null ? e.getMessage() : root.getMessage());
    }
}
