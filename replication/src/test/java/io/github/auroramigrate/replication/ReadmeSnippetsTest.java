package io.github.auroramigrate.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's and the Javadoc's replication examples are the compiled ones of {@link ReadmeSnippets}. */
class ReadmeSnippetsTest {
    static final Path SNIPPETS = Path.of("src/test/java/io/github/auroramigrate/replication/ReadmeSnippets.java");
    static final Path MAIN = Path.of("src/main/java/io/github/auroramigrate/replication");

    @Test
    void readmeShowsTheCompiledReplicationExample() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : readme) {
            if (block == null && line.trim().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.trim().equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        List<List<String>> replication = blocks.stream().filter(b -> String.join("\n", b).contains("CutOver.of(")).toList();
        assertThat(replication).as("README blocks with a cut-over").hasSize(1);
        List<String> body = new ArrayList<>(replication.get(0).stream().filter(l -> !l.startsWith("import ")).toList());
        while (!body.isEmpty() && body.get(0).isBlank()) {
            body.remove(0);
        }
        assertThat(dedent(body)).isEqualTo(region("readme-replication"));
    }

    @Test
    void javadocExamplesAreTheCompiledOnes() throws IOException {
        assertThat(javadocExample(MAIN.resolve("package-info.java"))).isEqualTo(region("javadoc-package"));
        assertThat(javadocExample(MAIN.resolve("Replication.java"))).isEqualTo(region("javadoc-replication"));
        assertThat(javadocExample(MAIN.resolve("ReplicationUser.java"))).isEqualTo(region("javadoc-user"));
        assertThat(javadocExample(MAIN.resolve("cutover/CutOver.java"))).isEqualTo(region("javadoc-cutover"));
        assertThat(javadocExample(MAIN.resolve("preflight/SourcePreflight.java"))).isEqualTo(region("javadoc-preflight"));
    }

    /** The first {@code <pre>{@code ...}</pre>} of a file, without the comment's leading {@code " * "}. */
    static List<String> javadocExample(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.replaceFirst("^\\s*\\* ?", "");
            if (!in && text.trim().equals("<pre>{@code")) {
                in = true;
            } else if (in && text.trim().equals("}</pre>")) {
                return dedent(out);
            } else if (in) {
                out.add(text);
            }
        }
        throw new AssertionError("no <pre>{@code example in " + file);
    }

    static List<String> region(String name) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(SNIPPETS, StandardCharsets.UTF_8)) {
            if (line.trim().equals("// BEGIN " + name)) {
                in = true;
            } else if (line.trim().equals("// END " + name)) {
                return dedent(out);
            } else if (in) {
                out.add(line);
            }
        }
        throw new AssertionError("no region " + name + " in " + SNIPPETS);
    }

    /** Lines without their common indentation and trailing blanks. */
    static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }
}
