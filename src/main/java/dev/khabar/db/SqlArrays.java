package dev.khabar.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds the columns of many rows as text arrays, one parameter per column, for {@code insert ... select from
 * unnest(?::text[], ...)}: one statement and one round trip for a whole batch, whatever its size. The SQL casts each
 * column to its type.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Parameters 1..n get the columns, in order; a column function may return null (SQL NULL). */
    public static <T> void bind(PreparedStatement statement, Connection connection, List<T> rows,
            List<Function<T, String>> columns) throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            Function<T, String> column = columns.get(c);
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = column.apply(rows.get(r));
            }
            statement.setArray(c + 1, connection.createArrayOf("text", values));
        }
    }
}
