package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative corpus: each file under {@code spec/negative/} is one broken spec. Its header names
 * where it goes in a copy of the example repository and what validation must say about it:
 * <pre>
 * # target: productions/broken.yaml
 * # expect-error: 11:10 is one string "72500 75000"
 * </pre>
 * The test asserts severity, file, line, column (when given) and a fragment of the message or fix.
 */
class NegativeCorpusTest {

    private static final Path CORPUS = RepositoryFiles.root().resolve("operator/src/test/resources/spec/negative");
    private static final Pattern TARGET = Pattern.compile("# target: (\\S+)");
    private static final Pattern EXPECT = Pattern.compile("# expect-(error|warning): (?:(\\d+):(\\d+) )?(.+)");

    record Case(String name, String target, Diagnostic.Severity severity, Integer line, Integer column,
                String fragment, String content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().map(NegativeCorpusTest::read).toList().stream();
        }
    }

    private static Case read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            Matcher target = TARGET.matcher(content);
            Matcher expect = EXPECT.matcher(content);
            if (!target.find() || !expect.find()) {
                throw new IllegalStateException(file + " lacks its '# target:' or '# expect-…:' header");
            }
            return new Case(file.getFileName().toString(), target.group(1),
                    Diagnostic.Severity.valueOf(expect.group(1).toUpperCase(java.util.Locale.ROOT)),
                    expect.group(2) == null ? null : Integer.valueOf(expect.group(2)),
                    expect.group(3) == null ? null : Integer.valueOf(expect.group(3)),
                    expect.group(4).trim(), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyBrokenFiles() throws IOException {
        assertThat(cases().filter(c -> c.severity() == Diagnostic.Severity.ERROR).count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenFileGetsItsMessageAtItsLine(Case c, @TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir);
        Path target = repo.resolve(c.target());
        Files.createDirectories(target.getParent());
        Files.writeString(target, c.content(), StandardCharsets.UTF_8);

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        List<Diagnostic> matching = report.diagnostics().stream()
                .filter(d -> d.severity() == c.severity())
                .filter(d -> d.at().file().equals(c.target()))
                .filter(d -> d.toString().contains(c.fragment()))
                .toList();
        assertThat(matching)
                .as("%s: expected a %s containing \"%s\" in %s; got%n%s", c.name(), c.severity(), c.fragment(),
                        c.target(), String.join("\n", report.diagnostics().stream().map(Diagnostic::toString).toList()))
                .isNotEmpty();
        if (c.line() != null) {
            assertThat(matching).as("%s: position of \"%s\"", c.name(), c.fragment())
                    .anySatisfy(d -> {
                        assertThat(d.at().line()).isEqualTo(c.line());
                        assertThat(d.at().column()).isEqualTo(c.column());
                    });
        }
        assertThat(d(report)).as("every message says how to fix it").allSatisfy(d -> assertThat(d.fix()).isNotBlank());
        if (c.severity() == Diagnostic.Severity.ERROR) {
            assertThat(report.valid()).isFalse();
            assertThat(report.repository()).as("a repository with errors is never applied").isEmpty();
        } else {
            assertThat(report.valid()).as("warnings alone keep a repository valid: %s", report.errors()).isTrue();
        }
    }

    private static List<Diagnostic> d(ValidationReport report) {
        return report.diagnostics();
    }
}
