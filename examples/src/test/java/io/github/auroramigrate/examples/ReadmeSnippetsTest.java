package io.github.auroramigrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the README as written, against the library, so the README cannot drift
 * from the API (issue 13). A block's {@code import} lines are its imports; the rest is the body of a method. What a
 * block uses without declaring it (a password, the application being migrated) is declared in an HTML comment right
 * above it, invisible on the rendered page: {@code <!-- given: String pw; Runnable pause -->}. A block that declares
 * a type ({@code class}, {@code record}, {@code interface}) is compiled as a compilation unit.
 */
class ReadmeSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("(?:<!--\\s*given:(.*?)-->\\s*\\n)?```java\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+)?(?:final\\s+)?"
            + "(?:class|record|interface)\\s", Pattern.MULTILINE);

    @Test
    void everyJavaSnippetOfTheReadmeCompiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
            units.add(unit(line, m.group(1), m.group(2)));
        }
        assertThat(units).as("the README's java blocks").hasSizeGreaterThanOrEqualTo(3);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK (javac) runs the tests").isNotNull();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none",
                        "-Xlint:none"), null, units).call();
        assertThat(ok).as("README.md snippets compile (file Readme<line> = the block starting at that line):\n%s",
                errors).isTrue();
    }

    private static JavaFileObject unit(int line, String given, String code) {
        String name = "Readme" + line;
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String l : code.split("\n", -1)) {
            (l.startsWith("import ") ? imports : body).append(l).append('\n');
        }
        String source;
        if (TYPE.matcher(body).find()) {
            source = imports + "\n" + body.toString().replaceFirst("(class|record|interface)\\s+\\w+",
                    "$1 " + name);
        } else {
            String params = given == null ? "" : String.join(", ", given.trim().split("\\s*;\\s*"));
            source = imports + "\nclass " + name + " {\n    static void snippet(" + params + ") throws Exception {\n"
                    + body + "    }\n}\n";
        }
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("README.md");
            if (Files.exists(p) && Files.exists(dir.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("README.md of the project not found above " + Path.of("").toAbsolutePath());
    }
}
