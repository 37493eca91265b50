package io.github.auroramigrate.core.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatRowReaderTest {
    private static List<List<String>> rows(String text) throws IOException {
        FlatRowReader r = new FlatRowReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        List<List<String>> out = new ArrayList<>();
        for (List<byte[]> row = r.next(); row != null; row = r.next()) {
            out.add(row.stream().map(f -> f == null ? "<NULL>" : new String(f, StandardCharsets.ISO_8859_1)).toList());
        }
        return out;
    }

    @Test
    void decodesEscapesNullsAndEmptyFields() throws IOException {
        assertThat(rows("1\ta\\tb\\nc\\\\d\t\\N\t\n2\t\\0\\Z\\r\\b\t\\\\N\tx\n")).containsExactly(
                List.of("1", "a\tb\nc\\d", "<NULL>", ""),
                List.of("2", "\0\u001a\r\b", "\\N", "x"));
    }

    @Test
    void rawBytesPassThrough() throws IOException {
        assertThat(rows("\u00ff\u00fe\t\r\n")).containsExactly(List.of("\u00ff\u00fe", "\r"));
    }

    @Test
    void aCutRowOrEscapeIsAnError() {
        assertThatThrownBy(() -> rows("1\tabc")).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> rows("1\tabc\\")).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> rows("\\Nx\n")).isInstanceOf(IOException.class).hasMessageContaining("malformed");
    }

    @Test
    void emptyInputHasNoRows() throws IOException {
        assertThat(rows("")).isEmpty();
    }
}
