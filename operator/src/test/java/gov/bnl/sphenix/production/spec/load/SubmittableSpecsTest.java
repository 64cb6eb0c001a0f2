package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What validation accepts, the batch side can submit: every rule value that reaches the submit
 * description is tried with good and hostile values; a value that validates must build a job
 * without an exception (an exception there used to stop every pass of the engine), and a value
 * the batch side would refuse must be refused in the rule file, at its line.
 */
class SubmittableSpecsTest {

    private static final String RULE_FILE = "rules/run3auau/submit_probe.yaml";

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("accounting_group", "group sphenix", false),
                Arguments.of("accounting_group", "group_sphenix.prod", true),
                Arguments.of("accounting_group", "grp:1+2-3", true),
                Arguments.of("accounting_group", "group_sphenix\nqueue 1000", false),
                Arguments.of("accounting_group", "$(Owner)", false),
                Arguments.of("accounting_group", "group\"x", false),
                Arguments.of("accounting_group", "group,x", false),
                Arguments.of("accounting_group", "", false),
                Arguments.of("accounting_group", "gruppé", false),
                Arguments.of("period", "run3 auau", false),
                Arguments.of("period", "run3auau", true),
                Arguments.of("period", "run$(x)", false),
                Arguments.of("batch_name", "my jobs", false),
                Arguments.of("batch_name", "{dsttype}-{period}", true),
                Arguments.of("batch_name", "{production}:{outtriplet}", true),
                Arguments.of("batch_name", "x,y_{dsttype}", false),
                Arguments.of("batch_name", "$(ClusterId)", false),
                Arguments.of("physicsmode", "physics", true),
                Arguments.of("physicsmode", "physics\nqueue", false),
                Arguments.of("dsttype", "DST_CALO", true),
                Arguments.of("dsttype", "DST_CALO\"", false),
                Arguments.of("script", "run_calo.sh", true),
                Arguments.of("script", "run calo.sh", false),
                Arguments.of("script", "$(x).sh", false));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" valid {2}")
    @MethodSource("values")
    void aValueThatValidatesBuildsAJobAndOneThatCannotIsRefusedAtItsLine(String key, String value, boolean valid,
                                                                         @TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Files.writeString(repo.resolve(RULE_FILE), rule(key, value), StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("productions/submit-probe.yaml"),
                ProductionFiles.production("submit-probe", RULE_FILE, "Probe", ""), StandardCharsets.UTF_8);

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        if (!valid) {
            assertThat(report.errors()).as("a value the batch side refuses")
                    .anySatisfy(e -> assertThat(e.at().file()).isEqualTo(RULE_FILE))
                    .allSatisfy(e -> assertThat(e.toString()).doesNotContain("\n"));
            return;
        }
        assertThat(report.errors()).extracting(Diagnostic::toString).isEmpty();
        Production probe = report.repository().orElseThrow().production("submit-probe").orElseThrow();
        JobSpec job = new JobSpecs(Layout.under(dir.resolve("data")), Path.of("/sphenix/payloads")).of(probe,
                new JobSpecs.Request(90010, 0, "", probe.rule().params().physicsmode(), List.of("/in/a.root"),
                        "token-1", probe.memory().firstMib()));
        if (key.equals("batch_name")) {
            assertThat(job.batchName()).as("the name as written, not the fallback").isNotEqualTo("submit-probe");
        }
        if (key.equals("accounting_group")) {
            assertThat(job.accountingGroup()).contains(value);
        }
    }

    /** The probe rule with {@code key} set to {@code value} (added to the job block when it is a job key). */
    private static String rule(String key, String value) {
        String params = """
                Probe:
                  params:
                    dsttype:     %s
                    period:      %s
                    physicsmode: %s
                    dataset:     run3auau
                    build:       ana.599
                    dbtag:       2025p008
                    version:     1
                  input:
                    intriplet:   ana530_2025p008_v001
                  job:
                    script:         %s
                    neventsper:     1000
                    payload:        [calo_code/*]
                    request_memory: 2GB
                """.formatted(
                key.equals("dsttype") ? quoted(value) : "DST_CALO",
                key.equals("period") ? quoted(value) : "run3auau",
                key.equals("physicsmode") ? quoted(value) : "physics",
                key.equals("script") ? quoted(value) : "run_calo.sh");
        return List.of("accounting_group", "batch_name").contains(key)
                ? params + "    " + key + ": " + quoted(value) + "\n" : params;
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
