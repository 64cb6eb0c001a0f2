package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's payload is checked against the commit: every glob takes files, the script is among them,
 * and the script reads its arguments in the order the operator passes them (sphenixprod's).
 */
class PayloadValidationTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final String CALO_SCRIPT = "rules/run3auau/calo_code/run_calo.sh";

    @TempDir
    Path dir;

    private Path repo() {
        return RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
    }

    /** Validates the example repository with one edit of the calorimeter rule set. */
    private ValidationReport withCaloRules(String from, String to) throws IOException {
        Path repo = repo();
        Path rules = repo.resolve(CALO_RULES);
        Files.writeString(rules, Files.readString(rules).replace(from, to));
        return SpecLoader.load(new DirectoryTree(repo));
    }

    private static List<Diagnostic> errorsAbout(ValidationReport report, String fragment) {
        return report.errors().stream().filter(e -> e.toString().contains(fragment)).toList();
    }

    @Test
    void aPayloadGlobThatTakesNoFileIsRefusedAtTheRulesLine() throws IOException {
        ValidationReport report = withCaloRules("[calo_code/*]", "[nonexistent_code/*]");

        assertThat(errorsAbout(report, "'rules/run3auau/nonexistent_code/*' matches no file")).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.at().file()).isEqualTo(CALO_RULES);
                    assertThat(e.fix()).contains("commit the job's scripts");
                });
        assertThat(report.repository()).isEmpty();
    }

    @Test
    void aScriptThatIsNotInThePayloadIsRefusedNamingWhatIs() throws IOException {
        ValidationReport report = withCaloRules("run_calo.sh", "run_kalo.sh");

        assertThat(errorsAbout(report, "script 'run_kalo.sh' is not in the payload")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.fix()).contains("run_fitting.sh"));
    }

    @Test
    void aScriptReadingAnOlderArgumentOrderIsRefusedAtItsUsageLine() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(CALO_SCRIPT), """
                #!/usr/bin/env bash
                if [[ $# -lt 15 ]]; then
                    echo "Usage: $0 <nevents> <outbase> <logbase> <inbase> <runnumber> <segment> <outdir>"
                    exit 1
                fi
                nevents="$1"; shift
                """);

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        assertThat(errorsAbout(report, "reads its arguments in another order")).singleElement().satisfies(e -> {
            assertThat(e.at().file()).isEqualTo(CALO_SCRIPT);
            assertThat(e.at().line()).isEqualTo(3);
            assertThat(e.at().column()).isEqualTo(11);
            assertThat(e.message()).contains("argument 1 is <buildarg>, the script reads <nevents>");
            assertThat(e.fix()).contains("common_runscript_prep.sh");
        });
    }

    @Test
    void aPayloadFileThatIsASymbolicLinkIsRefused() throws IOException {
        Path repo = repo();
        Path outside = Files.writeString(dir.resolve("operators-secret.txt"), "not for jobs");
        Files.createSymbolicLink(repo.resolve("rules/run3auau/calo_code/odbc.ini"), outside);

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        assertThat(errorsAbout(report, "payload file rules/run3auau/calo_code/odbc.ini is a symbolic link"))
                .isNotEmpty().anySatisfy(e -> assertThat(e.at().file()).isEqualTo(CALO_RULES));
    }

    @Test
    void aScriptThatSaysNothingOfItsArgumentsIsRefused() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(CALO_SCRIPT), "#!/bin/sh\nroot.exe -q -b macro.C\n");

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        assertThat(errorsAbout(report, "neither sources")).singleElement()
                .satisfies(e -> assertThat(e.toString()).startsWith(CALO_SCRIPT + ":1:1:"));
    }

    @Test
    void scriptsThatSourceThePrepScriptOrReadSphenixprodsOrderAreAccepted() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(CALO_SCRIPT), """
                #!/usr/bin/env bash
                . ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh
                """);
        Path fitting = repo.resolve("rules/run3auau/calo_code/run_fitting.sh");
        Files.writeString(fitting, """
                #!/usr/bin/env bash
                echo "Usage: $0 <buildarg> <dataset> <intriplet> <indsttype_str> <runnumber> <segment> <daqhost> \\
                <inputs> <nevents> <outdir> <hist_dir> <outbase> <neventsper> <dbtag> <logbase> <log_dir> <condor_rsync> [dbid]"
                """.replace("\\\n", ""));

        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));

        assertThat(report.errors()).as("%s", report.errors())
                .noneSatisfy(e -> assertThat(e.toString()).contains("calo_code/run_"));
    }
}
