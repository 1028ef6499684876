package dev.khabar.db;

import java.util.Arrays;

import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

import dev.khabar.text.SearchDocument;

/**
 * A {@code tsvector} parameter sent in PostgreSQL's binary form ({@link SearchDocument}), which the driver does because
 * the type's OID, 3614, is listed in its {@code binaryTransferEnable} property (application.properties); without it,
 * the driver sends the text of {@link #getValue}.
 */
public final class TsVector extends PGobject implements PGBinaryObject {

    private final byte[] binary;

    public TsVector(byte[] binary) {
        this.binary = binary;
        this.type = "tsvector";
    }

    @Override
    public int lengthInBytes() {
        return binary.length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        System.arraycopy(binary, 0, bytes, offset, binary.length);
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("A tsvector is only sent, never read back");
    }

    @Override
    public String getValue() {
        return SearchDocument.text(binary);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TsVector that && Arrays.equals(binary, that.binary);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(binary);
    }
}
