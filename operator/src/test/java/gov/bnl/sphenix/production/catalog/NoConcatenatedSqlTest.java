package gov.bnl.sphenix.production.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No SQL in the catalog code is built from values: every statement is a constant, values travel as
 * parameters (sets as arrays). Checked on the source, so a new concatenation fails the build.
 */
class NoConcatenatedSqlTest {

    private static final Path MAIN = Path.of(System.getProperty("repository.root", ".."), "operator", "src", "main", "java",
            "gov", "bnl", "sphenix", "production");

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> catalog = Files.walk(MAIN.resolve("catalog"))) {
            catalog.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        files.add(MAIN.resolve("cli/CatalogSeedCommand.java"));
        files.add(MAIN.resolve("control/observe/ProductionOutputs.java"));
        files.add(MAIN.resolve("cli/bench/CatalogBenchCommand.java"));
        return files;
    }

    @Test
    void everyStatementInTheCatalogCodeIsAConstant() throws IOException {
        List<Path> files = sources();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(SqlSourceScanner.problems(MAIN.relativize(file).toString(), Files.readString(file)));
        }

        assertThat(files).as("the scan must see the catalog code").hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void theScanCatchesConcatenationFormattingAndInlineStatements() {
        String bad = """
                class Bad {
                    private static final String OK = "SELECT 1 FROM run WHERE runnumber = ?";
                    private static final String GLUED = "SELECT * FROM run WHERE runtype = '" + "x" + "'";
                    void a(java.sql.Connection c, int run) throws Exception {
                        c.prepareStatement("SELECT * FROM run WHERE runnumber = " + run);
                        c.prepareStatement(OK + " AND runtype = 'physics'");
                        c.createStatement().execute(String.format("DELETE FROM files WHERE lfn = '%s'", run));
                        c.prepareStatement(OK.formatted(run));
                        c.prepareStatement(OK);   // fine
                    }
                }
                """;

        List<String> problems = SqlSourceScanner.problems("Bad.java", bad);

        assertThat(problems).hasSize(7).noneMatch(p -> p.contains("Bad.java:2:")).anyMatch(p -> p.contains("Bad.java:3:"));
    }

    @Test
    void commentsAndProseAreNotSql() {
        String fine = """
                class Fine {
                    // SELECT * FROM run WHERE runnumber = " + run   (a comment, not code)
                    private static final String Q = \"""
                            SELECT 1
                            \""";
                    String message(int n) {
                        return "register " + n + " outputs; the URL is jdbc:postgresql://host/db";
                    }
                    void a(java.sql.Connection c, String sql) throws Exception {
                        c.prepareStatement(Q);
                        c.createStatement().execute(sql);
                    }
                }
                """;

        assertThat(SqlSourceScanner.problems("Fine.java", fine)).isEmpty();
    }
}
