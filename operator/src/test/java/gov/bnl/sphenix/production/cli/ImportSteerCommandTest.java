package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prodctl import steer}: a steering file in sphenixprod's format, converted into a copy of
 * the example specs, read back with the operator's own loader.
 */
class ImportSteerCommandTest {

    private static final String CALO = "productions/run3auau/sphnxprod01-full-calo-run3physics.yaml";
    private static final String CLUSTER = "productions/run3auau/sphnxprod01-full-trkr-cluster-run3physics.yaml";
    private static final String COSMICS = "productions/run3cosmics/sphnxprod02-trkr-cluster-run3cosmics.yaml";

    @TempDir
    Path work;

    Path specs;
    Path steer;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void copies() throws IOException {
        // a specs repository at cut-over: the rules are there, the productions still run in sphenixprod
        specs = RepositoryFiles.copyOfProductionSpecs(work.resolve("specs"));
        try (Stream<Path> productions = Files.walk(specs.resolve("productions"))) {
            for (Path file : productions.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        steer = work.resolve("steer.yaml");
        try (InputStream in = getClass().getResourceAsStream("/takeover/steer.yaml")) {
            Files.copy(in, steer);
        }
    }

    @Test
    void everyRuleOfEveryHostBecomesAProductionFileThatValidates() {
        int exit = run(steer.toString(), "--specs", specs.toString());

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(specs.resolve(CALO)).exists();
        assertThat(specs.resolve(CLUSTER)).exists();
        assertThat(specs.resolve(COSMICS)).exists();
        assertThat(SpecLoader.load(new DirectoryTree(specs)).errors()).isEmpty();
        assertThat(lastLine()).isEqualTo(
                "import steer: 3 production files written, 1 skipped, 6 settings without equivalent");
    }

    @Test
    void settingsMapAsDocumented() throws IOException {
        run(steer.toString(), "--specs", specs.toString());

        assertThat(Files.readString(specs.resolve(CALO))).isEqualTo("""
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: sphnxprod01-full-calo-run3physics
                spec:
                  rule:
                    ruleSet: 'rules/run3auau/calo_physics_ana530_2025p008_v001.yaml'
                    name: 'Full_CALO_run3physics'
                  runs:
                    file: runlists/run3auau_calo_golden.txt
                  submit: true
                  harvest: true
                  priority: 3900
                  memory: '6000MB'
                """);
        // two runs are a range, as sphenixprod reads them, even written as one YAML string
        assertThat(Files.readString(specs.resolve(CLUSTER))).contains("    range: [66456, 79999]\n")
                .contains("  submit: true\n").contains("  harvest: false\n");
        // three or more are a list; submit is off unless the steering file switches it on
        assertThat(Files.readString(specs.resolve(COSMICS))).contains("    list: [70001, 70005, 70010]\n")
                .contains("  submit: false\n");
        var production = SpecLoader.load(new DirectoryTree(specs)).repository().orElseThrow().productions().stream()
                .filter(p -> p.name().equals("sphnxprod01-full-calo-run3physics")).findFirst().orElseThrow();
        assertThat(production.priority()).isEqualTo(3900);
        assertThat(production.submit()).isTrue();
    }

    @Test
    void everySettingWithoutEquivalentIsReportedWhereItIsWritten() {
        run(steer.toString(), "--specs", specs.toString());

        assertThat(out.toString())
                .contains("wrote " + CALO + " (sphnxprod01 Full_CALO_run3physics)\n")
                .contains("  " + steer + ":13:18: cut_segment: 10 has no equivalent: a production cannot sample"
                        + " segments; set input.cut_segment: 10 in rule Full_CALO_run3physics of"
                        + " rules/run3auau/calo_physics_ana530_2025p008_v001.yaml")
                .contains(steer + ":19:14: nevents: 1000 has no equivalent: ")
                .contains(steer + ":20:17: chunk-size: 50 has no equivalent: ")
                .contains(steer + ":21:11: prio: 5 has no equivalent: sphenixprod does not know this setting")
                .contains("sphnxprod01: " + steer + ":4:5: defaultlocations: {prodbase: /opt/sphenixprod,")
                .contains("skipped sphnxprod02 Full_JETS_run3physics (" + steer + ":30:3): no rule-set file"
                        + " calo_physics_ana530_2025p008_v001.yaml under rules/ of the specs holds rule"
                        + " Full_JETS_run3physics");
        assertThat(specs.resolve("productions/run3auau/sphnxprod02-full-jets-run3physics.yaml")).doesNotExist();
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldWrite() throws IOException {
        List<Path> before = files();

        int exit = run(steer.toString(), "--specs", specs.toString(), "--dry-run", "--host", "sphnxprod01");

        assertThat(exit).isZero();
        assertThat(files()).isEqualTo(before);
        assertThat(out.toString()).contains("would write " + CALO).doesNotContain("sphnxprod02");
        assertThat(lastLine()).isEqualTo(
                "import steer: 2 production files would be written, 0 skipped, 5 settings without equivalent");
    }

    @Test
    void anExistingFileIsNotOverwritten() throws IOException {
        Files.createDirectories(specs.resolve(CALO).getParent());
        Files.writeString(specs.resolve(CALO), "# mine\n");

        int exit = run(steer.toString(), "--specs", specs.toString(), "--host", "sphnxprod01");

        assertThat(exit).isZero();
        assertThat(specs.resolve(CALO)).hasContent("# mine");
        assertThat(out.toString()).contains("skipped sphnxprod01 Full_CALO_run3physics (" + steer + ":7:3): " + CALO
                + " exists already; it is left as it is");
        assertThat(specs.resolve(CLUSTER)).exists();
    }

    @Test
    void aFileThatWouldNotValidateMeansNothingIsWritten() throws IOException {
        Files.writeString(steer, Files.readString(steer).replace("jobmem: 6000MB", "jobmem: plenty"));
        List<Path> before = files();

        int exit = run(steer.toString(), "--specs", specs.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(files()).isEqualTo(before);
        assertThat(out.toString()).contains("not written " + CALO).contains(CALO + ":14:");
        assertThat(lastLine()).startsWith("import steer: 0 production files written").contains("nothing written");
    }

    @Test
    void aRuleTheSpecsAlreadyRunOverTheSameRunsIsRefusedAndNothingIsWritten() throws IOException {
        Path declared = specs.resolve("productions/run3auau/calo-physics.yaml");
        Files.createDirectories(declared.getParent());
        Files.copy(RepositoryFiles.productionSpecs().resolve("productions/run3auau/calo-physics.yaml"), declared);
        List<Path> before = files();

        int exit = run(steer.toString(), "--specs", specs.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(files()).isEqualTo(before);
        assertThat(out.toString()).contains(CALO + ":10:5: error: productions 'sphnxprod01-full-calo-run3physics'"
                + " (" + CALO + ") and 'run3auau-calo-golden' (productions/run3auau/calo-physics.yaml) both write"
                + " DST_CALO run3auau ana530_2025p008_v001");
    }

    @Test
    void badYamlIsRefusedWithItsPosition() throws IOException {
        Files.writeString(steer, "sphnxprod01:\n  Full_CALO_run3physics:\n    runs: [66456, 79999\n");

        int exit = run(steer.toString(), "--specs", specs.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(steer + ":4:1: error: YAML syntax: ");
    }

    @Test
    void anUnknownHostOrAMissingFileIsBadUsage() {
        assertThat(run(steer.toString(), "--specs", specs.toString(), "--host", "sphnxprod09")).isEqualTo(2);
        assertThat(err.toString()).contains("has no host sphnxprod09; it has sphnxprod01, sphnxprod02");
        assertThat(run(work.resolve("absent.yaml").toString(), "--specs", specs.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("prodctl import steer: cannot read ");
    }

    private int run(String... arguments) {
        CommandLine cli = Prodctl.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = Stream.concat(Stream.of("import", "steer"), Stream.of(arguments)).toArray(String[]::new);
        return cli.execute(all);
    }

    private String lastLine() {
        String[] lines = out.toString().split("\n");
        return lines[lines.length - 1];
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(specs)) {
            return walk.sorted().toList();
        }
    }
}
