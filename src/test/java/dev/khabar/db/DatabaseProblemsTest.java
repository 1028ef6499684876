package dev.khabar.db;

import static dev.khabar.http.DatabaseProblems.isDatabaseUnreachable;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures mean "the database cannot be reached" (a 503), however they are wrapped; the rest stay 500s. */
class DatabaseProblemsTest {

    @Test
    void connectionFailuresAreUnreachableHoweverWrapped() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertTrue(isDatabaseUnreachable(refused));
        assertTrue(isDatabaseUnreachable(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
        assertTrue(isDatabaseUnreachable(new PersistenceException(new SQLException("I/O error", "08006"))));
        assertTrue(isDatabaseUnreachable(new TransactionalException("commit failed",
                new SQLTransientConnectionException("gone"))));
        assertTrue(isDatabaseUnreachable(new SQLException("terminating connection due to administrator command",
                "57P01")));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new XAException(XAException.XAER_RMFAIL));
        assertTrue(isDatabaseUnreachable(new RuntimeException(rollback)));
    }

    @Test
    void agroalAcquisitionTimeoutsAreUnreachable() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());
        assertTrue(isDatabaseUnreachable(new GenericJDBCException("Unable to acquire JDBC Connection", timeout)));
        assertTrue(isDatabaseUnreachable(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void aSuppressedConnectionFailureCounts() {
        IllegalStateException first = new IllegalStateException("rollback failed");
        first.addSuppressed(new JDBCConnectionException("closed", new SQLException("closed", "08003")));
        assertTrue(isDatabaseUnreachable(first));
    }

    @Test
    void aBrokenSocketCountsOnlyUnderAJdbcError() {
        assertTrue(isDatabaseUnreachable(new GenericJDBCException("failed",
                new SQLException("I/O", null, new SocketException("Connection reset")))));
        assertFalse(isDatabaseUnreachable(new SocketException("Connection reset")));
        assertFalse(isDatabaseUnreachable(new IllegalStateException(new SocketException("Broken pipe"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(isDatabaseUnreachable(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key", "23505"), "article_slug_unique")));
        assertFalse(isDatabaseUnreachable(new PersistenceException(
                new SQLException("canceling statement due to statement timeout", "57014"))));
        assertFalse(isDatabaseUnreachable(new SQLException("syntax error", "42601")));
        assertFalse(isDatabaseUnreachable(new IllegalStateException("bug")));
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(isDatabaseUnreachable(b));
    }
}
