package dev.khabar.db;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.usertype.UserType;

/**
 * Maps a written-only {@code tsvector} column to {@link TsVector}: bound as a PostgreSQL object, so that the driver
 * sends its binary form. Reading gives null: the column is lazy and never read back (Article).
 */
public class TsVectorType implements UserType<TsVector> {

    @Override
    public int getSqlType() {
        return Types.OTHER;
    }

    @Override
    public Class<TsVector> returnedClass() {
        return TsVector.class;
    }

    @Override
    public boolean equals(TsVector x, TsVector y) {
        return Objects.equals(x, y);
    }

    @Override
    public int hashCode(TsVector x) {
        return Objects.hashCode(x);
    }

    @Override
    public TsVector nullSafeGet(ResultSet rs, int position, SharedSessionContractImplementor session, Object owner) {
        return null;
    }

    @Override
    public void nullSafeSet(PreparedStatement st, TsVector value, int index, SharedSessionContractImplementor session)
            throws SQLException {
        if (value == null) {
            st.setNull(index, Types.OTHER);
        } else {
            st.setObject(index, value);
        }
    }

    @Override
    public TsVector deepCopy(TsVector value) {
        return value; // immutable
    }

    @Override
    public boolean isMutable() {
        return false;
    }

    @Override
    public Serializable disassemble(TsVector value) {
        return value;
    }

    @Override
    public TsVector assemble(Serializable cached, Object owner) {
        return (TsVector) cached;
    }
}
