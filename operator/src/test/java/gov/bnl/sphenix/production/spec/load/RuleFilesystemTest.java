package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's {@code filesystem} block, {@code log} and {@code comment} are read, not dropped: the
 * directories as ProdFlow's rule files write them validate without a warning and reach the rule;
 * a directory that could reach outside its production's own is an error at its line.
 */
class RuleFilesystemTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final String FITTING_JOB = "    script:         run_fitting.sh\n";
    private static final String DATA03 = "/sphenix/data/data03/sphnxpro/{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}";

    @TempDir
    Path dir;

    private ValidationReport withFittingJob(String lines) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Path rules = repo.resolve(CALO_RULES);
        String text = Files.readString(rules);
        assertThat(text).contains(FITTING_JOB);
        Files.writeString(rules, text.replace(FITTING_JOB, FITTING_JOB + lines));
        return SpecLoader.load(new DirectoryTree(repo));
    }

    private static Production fitting(ValidationReport report) {
        return report.repository().orElseThrow(() -> new AssertionError(report.errors())).productions().stream()
                .filter(p -> p.rule().params().dsttype().equals("DST_CALOFITTING")).findFirst().orElseThrow();
    }

    @Test
    void prodFlowsOverridesValidateWithoutAWarningAndReachTheRule() throws IOException {
        ValidationReport report = withFittingJob("""
                    comment:        'fitting with the 2025p008 calibrations'
                    filesystem:
                      logdir:  "%s/log"
                      histdir: "%s/hist"
                      condor:  "/tmp/data03/sphnxpro/{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}/log"
                """.formatted(DATA03, DATA03));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).noneSatisfy(w -> assertThat(w.toString()).containsAnyOf("filesystem", "comment", "'log'"));
        Production fitting = fitting(report);
        assertThat(fitting.rule().job().filesystem()).containsEntry("logdir", DATA03 + "/log")
                .containsEntry("histdir", DATA03 + "/hist").hasSize(3);
        assertThat(fitting.rule().job().logTemplate()).contains("{condor}/{logbase}.condor");
        assertThat(fitting.rule().job().extras().comment()).contains("fitting with the 2025p008 calibrations");
    }

    @Test
    void aDirectoryThatCouldReachAnotherProductionsIsAnErrorAtItsLine() throws IOException {
        ValidationReport report = withFittingJob("""
                    filesystem:
                      logdir:  "/sphenix/data/data03/sphnxpro/{period}/logs"
                      histdir: "%s/../../hist"
                      outdir:  "relative/{period}/{outtriplet}/{leafdir}"
                """.formatted(DATA03));

        assertThat(report.repository()).isEmpty();
        List<Diagnostic> inRules = report.errors().stream().filter(e -> e.at().file().equals(CALO_RULES)).toList();
        assertThat(inRules).hasSize(3);
        assertThat(inRules).anySatisfy(e -> assertThat(e.toString()).contains("logdir").contains("lacks {leafdir}"))
                .anySatisfy(e -> assertThat(e.toString()).contains("histdir").contains("'..'"))
                .anySatisfy(e -> assertThat(e.toString()).contains("outdir").contains("not an absolute path"));
        assertThat(inRules).extracting(e -> e.at().line()).containsExactly(45, 46, 47);
    }

    @Test
    void aBatchLogOutsideTheJobsDirectoriesOrSharedByJobsIsAnError() throws IOException {
        for (String log : new String[] {"/etc/{logbase}.condor", "{condor}/all-jobs.condor"}) {
            Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs-" + log.length()));
            Path rules = repo.resolve(CALO_RULES);
            String written = "log:            '{condor}/{logbase}.condor'";
            String text = Files.readString(rules);
            int first = text.indexOf(written);
            Files.writeString(rules, text.substring(0, first) + "log:            '" + log + "'"
                    + text.substring(first + written.length()));

            ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

            assertThat(report.errors()).as(log).filteredOn(e -> e.at().file().equals(CALO_RULES)).singleElement().satisfies(e -> {
                assertThat(e.at().line()).isEqualTo(text.substring(0, first).split("\n", -1).length);
                assertThat(e.toString()).contains(log).contains("{logbase}").contains("{condor}/{logbase}.condor");
            });
        }
    }
}
