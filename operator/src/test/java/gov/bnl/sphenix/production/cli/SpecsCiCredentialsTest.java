package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.connect.CatalogKind;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.connect.Endpoint;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.cli.forge.PullRequestRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The read-only PostgreSQL role that docs/specs-ci.md gives the CI's {@code prodctl plan}: its
 * statements, run as the page prints them, are all that {@code prodctl plan} needs to count jobs
 * from every catalog and the ledger, and no statement of that role can write.
 */
class SpecsCiCredentialsTest {

    private static final Pattern GRANTS = Pattern.compile("<!-- specs-ci-grants:[^>]*-->\\s*```sql\\n(.*?)```", Pattern.DOTALL);
    private static final String JETS = "productions/run3auau/jets-physics.yaml";
    private static final Pattern SERVER = Pattern.compile("^(jdbc:postgresql://[^/]+)/");

    @Test
    void theDocumentedRoleIsEnoughForPlanAndCannotWrite(@TempDir Path dir) throws Exception {
        Endpoint admin = TestPostgres.server();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String database = "specs_ci_" + suffix;
        String role = "prodctl_plan_" + suffix;   // roles are server-wide: a test server may be shared
        String password = "read-only-" + suffix;
        Matcher server = SERVER.matcher(admin.url().orElseThrow());
        assertThat(server.find()).as("a PostgreSQL JDBC URL: " + admin.url()).isTrue();
        String url = server.group(1) + "/" + database;
        try (Connection c = connect(admin.url().orElseThrow(), admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            // the operator's side: the catalogs and the migrated ledger, owned by its own role
            try (Catalogs operator = Catalogs.open(CatalogSettings.sharedDatabase(url, admin.user(), admin.password())
                    .withCreateCatalogs(true))) {
                assertThat(operator.schema(CatalogKind.LEDGER)).isEqualTo("prodop");
            }
            String grants = documentedGrants().replace("prodctl_plan", role).replace("<password>", password)
                    .replace("<catalog database>", database).replace("<operator role>", admin.user());
            try (Connection c = connect(url, admin); Statement s = c.createStatement()) {
                s.execute(grants);
            }

            // the CI's plan with that role: every catalog, the ledger and its schema version read
            try (PullRequestRepository repo = PullRequestRepository.fromExampleSpecsWithout(dir.resolve("specs"), JETS);
                 LocalExecutor queue = new LocalExecutor(LocalSettings.defaults())) {
                RevCommit head = repo.addOnPullRequest(JETS, "Declare the jet production");
                repo.checkOut(head);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                PlanCommand plan = new PlanCommand();
                plan.environment = Map.of("PRODOP_CATALOG_URL", url, "PRODOP_CATALOG_USER", role,
                        "PRODOP_CATALOG_PASSWORD", password);
                plan.batchSystem = Optional.of(queue);
                int exit = new CommandLine(plan).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                        .execute("--specs", repo.dir().toString(), "--base", repo.forkPoint().getName(),
                                "--head", head.getName(), "--format", "markdown");
                assertThat(exit).as(out + "\n" + err).isZero();
                assertThat(out.toString()).doesNotContain("Job counts unavailable")
                        .endsWith("`plan: 1 added, 0 changed, 0 removed; 0 jobs to submit, 0 to kill, 0 outputs to delete`\n");
            }

            try (Connection c = DriverManager.getConnection(url, role, password); Statement s = c.createStatement()) {
                for (String table : List.of("daq.run", "rawdata.datasets", "filecatalog.datasets", "prodop.job",
                        "prodop.production_status")) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                        assertThat(rs.next()).as(table).isTrue();
                    }
                }
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM filecatalog.datasets"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO daq.run (runnumber) VALUES (1)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM prodop.job"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("CREATE TABLE prodop.scratch (x int)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        } finally {
            try (Connection c = connect(admin.url().orElseThrow(), admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** The SQL block of docs/specs-ci.md under its marker, as a reader would copy it. */
    private static String documentedGrants() throws IOException {
        Matcher m = GRANTS.matcher(Files.readString(RepositoryFiles.root().resolve("docs/specs-ci.md")));
        assertThat(m.find()).as("docs/specs-ci.md has the marked SQL block of the read-only role").isTrue();
        return m.group(1);
    }

    private static Connection connect(String url, Endpoint as) throws SQLException {
        return DriverManager.getConnection(url, as.user(), as.password());
    }
}
