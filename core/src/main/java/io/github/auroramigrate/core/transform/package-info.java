/**
 * Streaming rewrites of SQL dumps for the target: strip or replace DEFINERs, convert MyISAM to InnoDB, drop what
 * needs SUPER, strip tablespaces, rename schemas, filter tables, map collations, translate MariaDB syntax.
 *
 * <pre>{@code
 * // file to file (.gz in and out), memory bounded by the largest statement
 * TransformReport report = TransformPipeline.of(
 *         Transforms.stripDefiners().andThen(Transforms.dropSuperStatements()))
 *     .run(Path.of("myschema_dump.sql.gz"), Path.of("myschema_dump_aurora.sql.gz"));
 *
 * // statement by statement, e.g. inside a loader
 * TransformSession session = TransformSession.open(Transforms.forceInnoDb(), "dump.sql");
 * for (Statement s : reader) {
 *     for (Statement out : session.apply(s)) { execute(out.text()); }
 * }
 * }</pre>
 *
 * <p>Writing your own: a {@link io.github.auroramigrate.core.transform.Transform} is one method. This one adds
 * {@code ROW_FORMAT=COMPRESSED} to every CREATE TABLE that names no row format, editing tokens (so a
 * {@code 'ROW_FORMAT'} inside a string or comment never fools it):
 *
 * <pre>{@code
 * Transform compress = Transform.named("compressTables", (s, ctx) -> {
 *     if (s.kind() != StatementKind.CREATE_TABLE) {
 *         return List.of(s);                                   // cheap: kind() reads the first words only
 *     }
 *     StatementEditor e = StatementEditor.of(s);
 *     List<Token> t = e.tokens();
 *     int depth = 0;
 *     int last = -1;
 *     for (int i = e.next(-1); i >= 0; i = e.next(i)) {        // significant tokens only
 *         Token k = t.get(i);
 *         if (k.isOperator("(")) depth++;
 *         else if (k.isOperator(")")) depth--;
 *         else if (depth == 0 && k.isWord("ROW_FORMAT")) return List.of(s);   // has one already
 *         last = i;
 *     }
 *     e.insertAfter(t.get(last), " ROW_FORMAT=COMPRESSED");
 *     ctx.count("row format added");
 *     return List.of(e.apply());
 * });
 * Transform all = Transforms.forceInnoDb().andThen(compress);
 * }</pre>
 *
 * <p>Transforms are immutable and thread-safe; per-stream state lives in the
 * {@link io.github.auroramigrate.core.transform.TransformContext}. Each built-in records counters and
 * untranslatable items in the {@link io.github.auroramigrate.core.transform.TransformReport}.
 */
package io.github.auroramigrate.core.transform;
