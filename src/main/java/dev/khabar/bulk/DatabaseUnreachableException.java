package dev.khabar.bulk;

import java.sql.SQLTransientConnectionException;

/** A line left unwritten because the database could not be reached for an earlier one: the import stopped there. */
public class DatabaseUnreachableException extends RuntimeException {
    public DatabaseUnreachableException() {
        super("The database could not be reached; the import stopped.", new SQLTransientConnectionException(), false,
                false);
    }
}
