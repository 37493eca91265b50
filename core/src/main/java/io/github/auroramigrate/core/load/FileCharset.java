package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.sql.SqlLexer;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.TransformContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns statements read byte for byte (a file read as ISO-8859-1, one character per byte) into statements in the
 * character set the file declares, as the {@code mysql} client and the server see them: the file's {@code SET NAMES x}
 * (and {@code SET character_set_client = x}) decide how the bytes that follow are read, as they decide it for the
 * server. A string literal whose bytes are not valid in that character set - raw BLOB data, which mysqldump and
 * mariadb-dump write without {@code --hex-blob} - becomes a hex literal of exactly those bytes, so it arrives byte-exact
 * (the statement is otherwise sent as UTF-8 by the driver). The file's {@code SET NAMES x} is sent as
 * {@code SET NAMES utf8mb4} plus {@code SET character_set_connection = x}: the driver speaks UTF-8, and literals are
 * still converted to {@code x} as the file meant. Line numbers are kept (lines are counted in bytes either way).
 *
 * <p>Character sets whose multi-byte characters may contain a backslash or quote byte (gbk, big5, sjis, cp932,
 * gb18030) cannot be split byte-transparently and are refused with advice; UCS-2/UTF-16/UTF-32 files likewise.
 * Stateless (the current character set lives in the stream's context); thread-safe.
 */
final class FileCharset implements Transform {
    private static final Object STATE = new Object();
    private static final Pattern SET_NAMES = Pattern.compile(
            "(?is)\\bSET\\s+NAMES\\s+['\"`]?(\\w+)['\"`]?(?:\\s+COLLATE\\s+['\"`]?(\\w+)['\"`]?)?");
    private static final Pattern SET_CLIENT = Pattern.compile(
            "(?is)\\bcharacter_set_client\\s*=\\s*['\"`]?(\\w+)['\"`]?");
    private static final Pattern RESTORE_CLIENT = Pattern.compile("(?is)\\bcharacter_set_client\\s*=\\s*@");
    private static final Set<String> UTF8 = Set.of("utf8", "utf8mb3", "utf8mb4");
    private static final Set<String> UNSPLITTABLE = Set.of("gbk", "big5", "sjis", "cp932", "gb18030", "ucs2", "utf16",
            "utf16le", "utf32");
    private static final Map<String, String> JAVA = Map.ofEntries(Map.entry("latin1", "windows-1252"),
            Map.entry("ascii", "US-ASCII"),
            // binary (mydumper): bytes stand for themselves; valid UTF-8 is sent as the same bytes, other literals as hex
            Map.entry("binary", "UTF-8"), Map.entry("latin2", "ISO-8859-2"),
            Map.entry("latin5", "ISO-8859-9"), Map.entry("latin7", "ISO-8859-13"), Map.entry("greek", "ISO-8859-7"),
            Map.entry("hebrew", "ISO-8859-8"), Map.entry("cp1250", "windows-1250"), Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1256", "windows-1256"), Map.entry("cp1257", "windows-1257"), Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"), Map.entry("euckr", "EUC-KR"), Map.entry("ujis", "EUC-JP"),
            Map.entry("eucjpms", "EUC-JP"), Map.entry("gb2312", "GB2312"), Map.entry("cp850", "IBM850"),
            Map.entry("cp866", "IBM866"), Map.entry("tis620", "TIS-620"));

    /** The character set in force in one stream. */
    private static final class Current {
        Charset charset = StandardCharsets.UTF_8;
        /** The file's character_set_client when it is not UTF-8 (sent as the file says), else null. */
        String client;
    }

    @Override
    public String name() {
        return "fileCharset";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        Current current = ctx.state(STATE, Current::new);
        String raw = s.text();
        if (s.kind() == StatementKind.SET) {
            List<Statement> set = charsetStatement(s, current);
            if (set != null) {
                return set;
            }
        }
        if (isAscii(raw)) {
            return List.of(s);                     // the same text in every ASCII-compatible character set
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        Statement decoded;
        try {
            decoded = s.withText(decoder(current.charset).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notValid) {
            decoded = s.withText(withHexLiterals(s, current.charset));
        }
        if (current.client == null || isAscii(decoded.text())) {
            return List.of(decoded);
        }
        // the driver sends UTF-8: for this statement only, the server must read UTF-8
        return List.of(decoded.derive("SET character_set_client = utf8mb4"), decoded,
                decoded.derive("SET character_set_client = " + current.client));
    }

    /** Handles SET NAMES / SET character_set_client; null for other SET statements. */
    private static List<Statement> charsetStatement(Statement s, Current current) {
        Matcher names = SET_NAMES.matcher(s.text());
        if (names.find()) {
            String cs = names.group(1).toLowerCase(Locale.ROOT);
            current.charset = javaCharset(cs, s);
            current.client = null;
            if (UTF8.contains(cs)) {
                return List.of(s);
            }
            if (cs.equals("binary")) {
                // mydumper: valid UTF-8 is sent as the same bytes, anything else as hex literals; a binary connection
                // character set would make every literal a binary string, which JSON columns refuse (3144)
                return List.of(s.withText("SET NAMES utf8mb4"));
            }
            return List.of(s.withText("SET NAMES utf8mb4"), s.derive(names.group(2) != null
                    ? "SET collation_connection = " + names.group(2) : "SET character_set_connection = " + cs));
        }
        if (RESTORE_CLIENT.matcher(s.text()).find()) {
            // SET character_set_client = @saved_cs_client: the dumps save it right after their own SET NAMES utf8mb4
            current.charset = StandardCharsets.UTF_8;
            current.client = null;
            return List.of(s);
        }
        Matcher client = SET_CLIENT.matcher(s.text());
        if (client.find()) {
            String cs = client.group(1).toLowerCase(Locale.ROOT);
            current.charset = javaCharset(cs, s);
            // sent as the file says (a routine records it); non-ASCII statements are bracketed, see apply
            current.client = UTF8.contains(cs) || cs.equals("binary") ? null : cs;
            return List.of(s);
        }
        return null;
    }

    private static Charset javaCharset(String mysql, Statement s) {
        if (UTF8.contains(mysql)) {
            return StandardCharsets.UTF_8;
        }
        if (UNSPLITTABLE.contains(mysql)) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, s.file() + " line " + s.line()
                    + " declares the character set " + mysql + ", whose characters may hold backslash or quote bytes,"
                    + " so its statements cannot be split safely byte for byte")
                    .withLocation(s.location())
                    .withAdvice("Dump again with --default-character-set=utf8mb4 (the default of mysqldump and"
                            + " mariadb-dump), or convert the file to UTF-8 (iconv) and change its SET NAMES."));
        }
        String java = JAVA.getOrDefault(mysql, mysql);
        try {
            return Charset.forName(java);
        } catch (RuntimeException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, s.file() + " line " + s.line()
                    + " declares the character set " + mysql + ", which this importer does not know")
                    .withLocation(s.location()).withAdvice("Convert the file to UTF-8 and change its SET NAMES."), e);
        }
    }

    /**
     * Decodes token by token; a string literal that is not valid in the character set becomes {@code X'..'} of its
     * unescaped bytes (an introducer before it, e.g. {@code _binary}, stays and applies to the hex literal).
     */
    private static String withHexLiterals(Statement s, Charset charset) {
        StringBuilder out = new StringBuilder(s.text().length());
        for (Token t : SqlLexer.tokenize(s.text(), SqlOptions.builder().charset(StandardCharsets.ISO_8859_1).build())) {
            byte[] bytes = t.text().getBytes(StandardCharsets.ISO_8859_1);
            try {
                out.append(decoder(charset).decode(ByteBuffer.wrap(bytes)));
            } catch (CharacterCodingException e) {
                if (t.type() != TokenType.STRING || t.text().charAt(0) == '"' && t.text().length() < 2) {
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, s.file() + " line " + s.line()
                            + " holds bytes that are not valid " + charset.name() + " outside a string literal")
                            .withLocation(s.location()).withAdvice("Check the file's SET NAMES against how it was "
                                    + "written; a file cut or concatenated from pieces may mix character sets."), e);
                }
                out.append("X'").append(HexFormat.of().withUpperCase().formatHex(unescape(bytes))).append('\'');
            }
        }
        return out.toString();
    }

    /** The bytes a quoted string literal stands for (backslash escapes as the server reads them, doubled quotes). */
    static byte[] unescape(byte[] literal) {
        byte quote = literal[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream(literal.length);
        for (int i = 1; i < literal.length - 1; i++) {
            byte b = literal[i];
            if (b == '\\' && i + 1 < literal.length - 1) {
                byte n = literal[++i];
                switch (n) {
                    case '0' -> out.write(0);
                    case 'b' -> out.write('\b');
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'Z' -> out.write(0x1A);
                    case '%', '_' -> {
                        out.write('\\');           // kept, as the server keeps them
                        out.write(n);
                    }
                    default -> out.write(n);
                }
            } else if (b == quote && i + 1 < literal.length - 1 && literal[i + 1] == quote) {
                out.write(b);
                i++;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
