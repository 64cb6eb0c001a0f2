package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code prodctl import sphenixprod} refuses before it reads anything, and how it says why. */
class ImportCommandTest {

    private static final Map<String, String> CATALOGS = Map.of("PRODOP_CATALOG_URL",
            "jdbc:postgresql://catalogs.example:5432/production");

    @Test
    void withoutSphenixprodsDatabaseItSaysWhichOptionOrVariableNamesIt() {
        StringWriter err = new StringWriter();

        int exit = run(CATALOGS, err, "--specs", RepositoryFiles.productionSpecs().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("prodctl import sphenixprod: no sphenixprod database: give --sphenixprod-db"
                + " jdbc:postgresql://host/db or set SPHENIXPROD_DB_URL\n");
    }

    @Test
    void aDatabaseThatIsNoJdbcUrlIsRefused() {
        StringWriter err = new StringWriter();

        int exit = run(CATALOGS, err, "--specs", RepositoryFiles.productionSpecs().toString(), "--sphenixprod-db",
                "postgres://db/production");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not a JDBC URL like jdbc:postgresql://host:5432/production");
    }

    @Test
    void withoutTheOperatorsCatalogsItRefusesRatherThanAdoptIntoAThrowawayLedger() {
        StringWriter err = new StringWriter();

        int exit = run(Map.of("SPHENIXPROD_DB_URL", "jdbc:postgresql://db/production"), err,
                "--specs", RepositoryFiles.productionSpecs().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no catalog is configured: set PRODOP_CATALOG_URL");
    }

    @Test
    void aProductionTheSpecsDoNotDeclareIsNamedWithTheOnesTheyDo() {
        StringWriter err = new StringWriter();

        int exit = run(Map.of("SPHENIXPROD_DB_URL", "jdbc:postgresql://db/production", "PRODOP_CATALOG_URL",
                "jdbc:postgresql://catalogs.example/production"), err,
                "--specs", RepositoryFiles.productionSpecs().toString(), "--production", "run3auau-calo-gold");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("declares no production [run3auau-calo-gold]; it declares ")
                .contains("run3auau-calo-golden");
    }

    @Test
    void theCommandIsListedUnderImport() {
        assertThat(Prodctl.commandLine().getSubcommands().get("import").getSubcommands().keySet())
                .isEqualTo(java.util.Set.copyOf(List.of("sphenixprod", "steer")));
    }

    private static int run(Map<String, String> environment, StringWriter err, String... arguments) {
        ImportCommand.Sphenixprod command = new ImportCommand.Sphenixprod();
        command.environment = environment;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(arguments);
    }
}
