package io.github.auroramigrate.core.sql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLexerTest {

    private static List<Token> lex(String sql) {
        return SqlLexer.tokenize(sql, SqlOptions.DEFAULT);
    }

    private static List<String> significant(String sql, SqlOptions options) {
        return SqlLexer.tokenize(sql, options).stream().filter(Token::isSignificant)
                .map(t -> t.type() + ":" + t.text()).collect(Collectors.toList());
    }

    private static String concat(List<Token> tokens) {
        return tokens.stream().map(Token::text).collect(Collectors.joining());
    }

    @Test
    void versionedCommentFromMysqldumpViewIsCodeBetweenMarkers() {
        String sql = "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER */\n"
                + "/*!50001 VIEW `v1` AS select 'DEFINER=`x`@`y`' AS `s1` */";
        List<Token> tokens = lex(sql);
        assertThat(concat(tokens)).isEqualTo(sql);
        List<Token> markers = tokens.stream().filter(t -> !t.isSignificant() && t.type() != TokenType.WHITESPACE)
                .toList();
        assertThat(markers).extracting(Token::type).containsExactly(
                TokenType.VERSIONED_COMMENT_OPEN, TokenType.VERSIONED_COMMENT_CLOSE,
                TokenType.VERSIONED_COMMENT_OPEN, TokenType.VERSIONED_COMMENT_CLOSE,
                TokenType.VERSIONED_COMMENT_OPEN, TokenType.VERSIONED_COMMENT_CLOSE);
        assertThat(markers.get(2).commentVersion()).isEqualTo(50013);
        assertThat(significant(sql, SqlOptions.DEFAULT)).containsSubsequence(
                "IDENTIFIER:DEFINER", "OPERATOR:=", "QUOTED_IDENTIFIER:`someuser`", "OPERATOR:@",
                "QUOTED_IDENTIFIER:`%`", "KEYWORD:SQL", "IDENTIFIER:SECURITY", "IDENTIFIER:DEFINER");
        // the DEFINER-like text in the literal is one STRING token
        assertThat(significant(sql, SqlOptions.DEFAULT)).contains("STRING:'DEFINER=`x`@`y`'");
    }

    @Test
    void mariaDbVersionedCommentAndItsVersion() {
        List<Token> tokens = lex("/*M!100616 SET NOTE_VERBOSITY=0 */");
        assertThat(tokens.get(0).type()).isEqualTo(TokenType.VERSIONED_COMMENT_OPEN);
        assertThat(tokens.get(0).isMariaDbComment()).isTrue();
        assertThat(tokens.get(0).commentVersion()).isEqualTo(100616);
        assertThat(tokens.get(tokens.size() - 1).type()).isEqualTo(TokenType.VERSIONED_COMMENT_CLOSE);
    }

    @Test
    void stringsWithBackslashAndDoubledQuotes() {
        String sql = "SELECT 'it\\'s', 'a''b', \"dq \\\" x\", 'back\\\\', `we``ird`";
        assertThat(significant(sql, SqlOptions.DEFAULT)).containsExactly("KEYWORD:SELECT",
                "STRING:'it\\'s'", "OPERATOR:,", "STRING:'a''b'", "OPERATOR:,", "STRING:\"dq \\\" x\"",
                "OPERATOR:,", "STRING:'back\\\\'", "OPERATOR:,", "QUOTED_IDENTIFIER:`we``ird`");
        Token weird = lex(sql).get(lex(sql).size() - 1);
        assertThat(weird.name()).isEqualTo("we`ird");
    }

    @Test
    void noBackslashEscapesEndsStringAtBackslashQuote() {
        SqlOptions nbe = SqlOptions.builder().backslashEscapes(false).build();
        assertThat(significant("SELECT 'C:\\', 'z'", nbe))
                .containsExactly("KEYWORD:SELECT", "STRING:'C:\\'", "OPERATOR:,", "STRING:'z'");
        // with escapes \' does not close: the string runs to the next quote
        assertThat(significant("SELECT 'C:\\', 'z'", SqlOptions.DEFAULT))
                .containsExactly("KEYWORD:SELECT", "STRING:'C:\\', '", "IDENTIFIER:z", "STRING:'");
    }

    @Test
    void ansiQuotesMakeDoubleQuotesIdentifiers() {
        SqlOptions ansi = SqlOptions.builder().ansiQuotes(true).build();
        assertThat(significant("SELECT \"col\"", ansi)).containsExactly("KEYWORD:SELECT",
                "QUOTED_IDENTIFIER:\"col\"");
    }

    @Test
    void commentsOfAllKinds() {
        String sql = "SELECT 1 -- dash comment\n, 2 # hash\n, 3 /* block ; */, 4--5";
        List<Token> tokens = lex(sql);
        assertThat(concat(tokens)).isEqualTo(sql);
        assertThat(tokens).filteredOn(t -> t.type() == TokenType.COMMENT).extracting(Token::text)
                .containsExactly("-- dash comment\n", "# hash\n", "/* block ; */");
        // "--5" is minus minus five, not a comment
        assertThat(significant(sql, SqlOptions.DEFAULT)).endsWith("NUMBER:4", "OPERATOR:-", "OPERATOR:-", "NUMBER:5");
    }

    @Test
    void variablesNumbersAndOperators() {
        assertThat(significant("SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ 'uuid:1-5'", SqlOptions.DEFAULT))
                .containsExactly("KEYWORD:SET", "VARIABLE:@@GLOBAL.GTID_PURGED", "OPERATOR:=", "STRING:'+'",
                        "STRING:'uuid:1-5'");
        assertThat(significant("SELECT 1.5e-3, 0x1F, X'0A', 12abc, t.5, a<=>b, @x:=2", SqlOptions.DEFAULT))
                .containsExactly("KEYWORD:SELECT", "NUMBER:1.5e-3", "OPERATOR:,", "NUMBER:0x1F", "OPERATOR:,",
                        "STRING:X'0A'", "OPERATOR:,", "IDENTIFIER:12abc", "OPERATOR:,", "IDENTIFIER:t",
                        "OPERATOR:.", "NUMBER:5", "OPERATOR:,", "IDENTIFIER:a", "OPERATOR:<=>", "IDENTIFIER:b",
                        "OPERATOR:,", "VARIABLE:@x", "OPERATOR::=", "NUMBER:2");
    }

    @Test
    void unquotedAccountLexesHostAsVariable() {
        assertThat(significant("DEFINER=root@localhost", SqlOptions.DEFAULT))
                .containsExactly("IDENTIFIER:DEFINER", "OPERATOR:=", "IDENTIFIER:root", "VARIABLE:@localhost");
    }

    @Test
    void unterminatedConstructsRunToTheEndWithoutThrowing() {
        for (String sql : List.of("SELECT 'abc", "SELECT /* abc", "/*!50001 CREATE", "SELECT `x")) {
            assertThat(concat(lex(sql))).isEqualTo(sql);
        }
    }

    @Test
    void headTokenizationStopsEarly() {
        String big = "INSERT INTO `t` VALUES " + "(1,'x'),".repeat(10_000) + "(2,'y')";
        List<Token> head = SqlLexer.tokenize(big, SqlOptions.DEFAULT, 5);
        assertThat(head.stream().filter(Token::isSignificant).count()).isEqualTo(5);
        assertThat(head.get(head.size() - 1).end()).isLessThan(40);
    }

    @Test
    void reservedWordsAreKeywordsOthersIdentifiers() {
        assertThat(significant("CREATE TABLE t (id INT) ENGINE=MyISAM", SqlOptions.DEFAULT)).containsExactly(
                "KEYWORD:CREATE", "KEYWORD:TABLE", "IDENTIFIER:t", "OPERATOR:(", "IDENTIFIER:id", "KEYWORD:INT",
                "OPERATOR:)", "IDENTIFIER:ENGINE", "OPERATOR:=", "IDENTIFIER:MyISAM");
        assertThat(SqlLexer.isReserved("select")).isTrue();
        assertThat(SqlLexer.isReserved("definer")).isFalse();
    }

    @Test
    void sqlTextQuotingRoundTrips() {
        assertThat(SqlText.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(SqlText.unquote(SqlText.quoteIdentifier("a`b"), true)).isEqualTo("a`b");
        String nasty = "it's \\ a\nb\0";
        assertThat(SqlText.unquote(SqlText.quoteString(nasty), true)).isEqualTo(nasty);
        assertThat(SqlText.unquote("'a\\%b'", true)).isEqualTo("a\\%b");
    }
}
