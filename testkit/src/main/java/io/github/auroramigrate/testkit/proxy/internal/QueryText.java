package io.github.auroramigrate.testkit.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text of a COM_QUERY packet, and the packet's bytes before it: the command byte and, with
 * CLIENT_QUERY_ATTRIBUTES, the attribute counts.
 *
 * <pre>{@code
 * QueryText q = QueryText.parse(payload, true);     // null if the statement carries query attributes
 * byte[] replaced = q.withText("SELECT 2");
 * }</pre>
 *
 * @param prefix the payload's bytes before the text
 * @param sql    the text, decoded as UTF-8
 */
public record QueryText(byte[] prefix, String sql) {
    /**
     * Splits a COM_QUERY payload.
     *
     * @param queryAttributes whether CLIENT_QUERY_ATTRIBUTES was negotiated
     * @return null if the statement carries query attributes (their values are not decoded)
     */
    public static QueryText parse(byte[] payload, boolean queryAttributes) {
        int pos = 1;
        if (queryAttributes) {
            long count = Packets.lenenc(payload, pos);
            pos += Packets.lenencSize(payload, pos);
            if (count != 0) {
                return null;
            }
            pos += Packets.lenencSize(payload, pos);     // parameter_set_count, always 1
        }
        return new QueryText(Arrays.copyOf(payload, pos),
                new String(payload, pos, payload.length - pos, StandardCharsets.UTF_8));
    }

    /** A COM_QUERY payload for {@code sql}, without query attributes. */
    public static byte[] comQuery(String sql, boolean queryAttributes) {
        byte[] prefix = queryAttributes ? new byte[] {Packets.COM_QUERY, 0, 1} : new byte[] {Packets.COM_QUERY};
        return new QueryText(prefix, sql).withText(sql);
    }

    /** This packet with another text. */
    public byte[] withText(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + t.length);
        System.arraycopy(t, 0, out, prefix.length, t.length);
        return out;
    }

    /** The statement's first word, upper-cased: what logs may show of a statement (it may hold secrets). */
    public static String verb(String sql) {
        String s = sql.strip();
        int end = 0;
        while (end < s.length() && end < 20 && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end == 0 ? "(statement)" : s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
