/**
 * A streaming MySQL lexer and statement splitter: read dumps of any size one statement at a time, look at their
 * tokens, rewrite them precisely, and write them back.
 *
 * <pre>{@code
 * try (StatementReader in = StatementReader.open(Path.of("myschema_dump.sql.gz"));
 *      StatementWriter out = StatementWriter.open(Path.of("fixed.sql"))) {
 *     for (Statement s : in) {
 *         if (s.kind() == StatementKind.CREATE_VIEW) {
 *             StatementEditor e = StatementEditor.of(s);
 *             ...
 *         }
 *         out.write(s);
 *     }
 *     out.writeTrailer(in.trailer());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.auroramigrate.core.sql.StatementReader} splits like the {@code mysql} client
 *       (quotes, comments, {@code /*!NNNNN ... * /} executable comments, {@code DELIMITER} lines), or like
 *       {@code myloader} ({@link io.github.auroramigrate.core.sql.SplitMode#MYDUMPER}).</li>
 *   <li>{@link io.github.auroramigrate.core.sql.Statement} keeps the exact text, the line, the file and the
 *       delimiter; its {@link io.github.auroramigrate.core.sql.Statement#kind() kind} and names are read from its
 *       first tokens.</li>
 *   <li>{@link io.github.auroramigrate.core.sql.SqlLexer} gives {@link io.github.auroramigrate.core.sql.Token}s;
 *       {@link io.github.auroramigrate.core.sql.StatementEditor} applies token-level edits.</li>
 *   <li>{@link io.github.auroramigrate.core.sql.StatementWriter} writes statements back, byte for byte when
 *       nothing changed, with DELIMITER lines where needed.</li>
 * </ul>
 */
package io.github.auroramigrate.core.sql;
