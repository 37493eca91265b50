package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.util.List;

/**
 * Parses flat-format bytes as they stream by and recomputes the row count and row checksum from the decoded
 * raw values, exactly as the dumper computed them from the server's bytes. Not thread-safe.
 */
final class FlatRowVerifier {
    private static final int FIELD_START = 0;
    private static final int TEXT = 1;
    private static final int TEXT_ESCAPE = 2;
    private static final int START_ESCAPE = 3;
    private static final int NULL_SEEN = 4;
    private static final int HEX_HIGH = 5;
    private static final int HEX_LOW = 6;

    private final boolean[] hex;
    private final RowHasher hasher;
    private Checksum checksum = Checksum.EMPTY;
    private int state = FIELD_START;
    private int hexHigh;
    private long line = 1;

    FlatRowVerifier(List<ColumnEntry> columns) {
        hex = new boolean[columns.size()];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = columns.get(i).encoding() == ValueEncoding.HEX;
        }
        hasher = new RowHasher(hex.length);
        hasher.startRow();
    }

    Checksum checksum() {
        return checksum;
    }

    void feed(byte[] b, int off, int len) throws CorruptChunkException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (state == TEXT) {
                // Hash a run of plain bytes with one call: byte-at-a-time CRC updates dominated load profiles.
                int j = i;
                while (j < end && b[j] != '\\' && b[j] != FlatCodec.FIELD && b[j] != FlatCodec.LINE) {
                    j++;
                }
                if (j > i) {
                    hasher.valueBytes(b, i, j - i);
                    i = j;
                    continue;
                }
            }
            step(b[i++]);
        }
    }

    private void step(byte c) throws CorruptChunkException {
        switch (state) {
            case FIELD_START -> {
                if (hasher.columnsSeen() >= hex.length) {
                    throw corrupt("more fields than the " + hex.length + " columns");
                }
                if (c == '\\') {
                    state = START_ESCAPE;
                } else if (c == FlatCodec.FIELD || c == FlatCodec.LINE) {
                    hasher.startValue();
                    hasher.endValue();
                    separator(c);
                } else if (hex[hasher.columnsSeen()]) {
                    hasher.startValue();
                    hexHigh = digit(c);
                    state = HEX_LOW;
                } else {
                    hasher.startValue();
                    hasher.valueByte(c);
                    state = TEXT;
                }
            }
            case START_ESCAPE -> {
                if (c == 'N') {
                    state = NULL_SEEN;
                } else if (hex[hasher.columnsSeen()]) {
                    throw corrupt("escape sequence in a hex value");
                } else {
                    hasher.startValue();
                    hasher.valueByte(FlatCodec.unescape(c));
                    state = TEXT;
                }
            }
            case NULL_SEEN -> {
                if (c != FlatCodec.FIELD && c != FlatCodec.LINE) {
                    throw corrupt("\\N followed by more characters");
                }
                hasher.nullValue();
                separator(c);
            }
            case TEXT -> {
                if (c == '\\') {
                    state = TEXT_ESCAPE;
                } else if (c == FlatCodec.FIELD || c == FlatCodec.LINE) {
                    hasher.endValue();
                    separator(c);
                } else {
                    hasher.valueByte(c);
                }
            }
            case TEXT_ESCAPE -> {
                hasher.valueByte(FlatCodec.unescape(c));
                state = TEXT;
            }
            case HEX_HIGH -> {
                if (c == FlatCodec.FIELD || c == FlatCodec.LINE) {
                    hasher.endValue();
                    separator(c);
                } else {
                    hexHigh = digit(c);
                    state = HEX_LOW;
                }
            }
            case HEX_LOW -> {
                hasher.valueByte(hexHigh << 4 | digit(c));
                state = HEX_HIGH;
            }
            default -> throw new IllegalStateException();
        }
    }

    private void separator(byte c) throws CorruptChunkException {
        state = FIELD_START;
        if (c == FlatCodec.LINE) {
            if (hasher.columnsSeen() != hex.length) {
                throw corrupt("a row has " + hasher.columnsSeen() + " fields, expected " + hex.length);
            }
            checksum = checksum.plusRow(hasher.endRow());
            hasher.startRow();
            line++;
        } else if (hasher.columnsSeen() >= hex.length) {
            throw corrupt("more fields than the " + hex.length + " columns");
        }
    }

    private int digit(byte c) throws CorruptChunkException {
        try {
            return FlatCodec.digit(c);
        } catch (IllegalArgumentException e) {
            throw corrupt("not a hex digit in a hex-encoded column: 0x" + Integer.toHexString(c & 0xFF));
        }
    }

    /** Checks that the data ended at the end of a row. */
    void finish() throws CorruptChunkException {
        if (state != FIELD_START || hasher.columnsSeen() != 0) {
            throw corrupt("the data ends in the middle of a row (truncated?)");
        }
    }

    private CorruptChunkException corrupt(String what) {
        return new CorruptChunkException(what + " at line " + line);
    }
}
