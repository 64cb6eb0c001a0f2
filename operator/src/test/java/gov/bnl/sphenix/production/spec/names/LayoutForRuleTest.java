package gov.bnl.sphenix.production.spec.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rule's {@code filesystem} block places a production's files as sphenixprod would — logs and
 * histograms on another disk, the batch log in the {@code condor} directory — but only below the
 * trees the site lets the operator write.
 */
class LayoutForRuleTest {

    private static final Path SITE = Path.of("/site");
    private static final Path DATA03 = Path.of("/sphenix/data/data03/sphnxpro");
    private static final String TREE = "{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}";
    private static final OutputFile FITTING = new OutputFile("DST_CALOFITTING", Optional.empty(), "run3auau",
            Tag.parse("ana530_2025p008_v001"), 67962, 7);
    private static final Map<String, String> PRODFLOW = Map.of(
            "logdir", DATA03 + "/" + TREE + "/log",
            "histdir", DATA03 + "/" + TREE + "/hist",
            "condor", "/tmp/data03/sphnxpro/" + TREE + "/log");

    private final Layout site = Layout.under(SITE).withRuleRoots(List.of(DATA03, Path.of("/tmp/data03")));

    @Test
    void prodFlowsDirectoriesReplaceTheSitesTreesTheyName() {
        Layout placed = site.forRule("run3auau", PRODFLOW, Optional.of("{condor}/{logbase}.condor"), Layout.Role.FINAL);

        String below = "production/run3auau/physics/ana530_2025p008_v001/DST_CALOFITTING/run_00067900_00068000";
        assertThat(placed.logDirectory(FITTING, "physics")).isEqualTo(DATA03.resolve(below + "/log"));
        assertThat(placed.histDirectory(FITTING, "physics")).isEqualTo(DATA03.resolve(below + "/hist"));
        assertThat(placed.batchLogPath(FITTING, "physics"))
                .isEqualTo(Path.of("/tmp/data03/sphnxpro").resolve(below + "/log/" + FITTING.stem() + ".condor"));
        assertThat(placed.logPath(FITTING, "physics", Layout.LogKind.STDOUT))
                .isEqualTo(DATA03.resolve(below + "/log/" + FITTING.stem() + ".out"));
        // what the rule does not place stays where the site puts it
        assertThat(placed.dstDirectory(FITTING, "physics")).isEqualTo(site.dstDirectory(FITTING, "physics"));
        assertThat(placed.logRoot()).as("links are refused from here down").isEqualTo(DATA03);
    }

    @Test
    void theStagingLayoutTakesOutdirAndTheFinalOneFinaldir() {
        Map<String, String> dirs = Map.of("outdir", "/site/dst/out/" + TREE, "finaldir", "/site/dst/final/" + TREE);

        assertThat(site.forRule("run3auau", dirs, Optional.empty(), Layout.Role.STAGING).dstDirectory(FITTING, "physics"))
                .asString().startsWith("/site/dst/out/production/run3auau/");
        assertThat(site.forRule("run3auau", dirs, Optional.empty(), Layout.Role.FINAL).dstDirectory(FITTING, "physics"))
                .asString().startsWith("/site/dst/final/production/run3auau/");
    }

    @Test
    void aDirectoryOutsideTheSitesTreesIsRefusedWithWhereToAddIt() {
        Map<String, String> elsewhere = Map.of("logdir", "/home/someone/" + TREE);

        assertThatThrownBy(() -> site.forRule("run3auau", elsewhere, Optional.empty(), Layout.Role.FINAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filesystem.logdir '/home/someone/")
                .hasMessageContaining("/site/log")
                .hasMessageContaining(Layout.FILESYSTEM_ROOTS);
        // a sibling whose name starts like a root is not inside it
        assertThatThrownBy(() -> site.forRule("run3auau", Map.of("logdir", "/site/logs-other/" + TREE), Optional.empty(),
                Layout.Role.FINAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTestbedMovesARulesFacilityDirectoriesBelowItself() {
        Layout testbed = Layout.under(SITE).withRulesRebasedUnder(Path.of("/try/rule-directories"));

        Layout placed = testbed.forRule("run3auau", PRODFLOW, Optional.empty(), Layout.Role.FINAL);

        assertThat(placed.logDirectory(FITTING, "physics")).asString()
                .startsWith("/try/rule-directories/sphenix/data/data03/sphnxpro/production/run3auau/");
        assertThat(placed.batchLogPath(FITTING, "physics")).asString().startsWith("/try/rule-directories/tmp/data03/");
    }

    @Test
    void aRuleWithoutPlacesIsTheSitesLayout() {
        assertThat(site.forRule("run3auau", Map.of(), Optional.empty(), Layout.Role.FINAL)).isSameAs(site);
        assertThat(site.batchLogPath(FITTING, "physics"))
                .isEqualTo(site.logDirectory(FITTING, "physics").resolve(FITTING.stem() + ".condor"));
    }

    @Test
    void templatesThatCouldLeaveTheirProductionsDirectoriesAreRefused() {
        assertThat(DirectoryTemplate.problem("/a/{period}/{outtriplet}/{leafdir}")).isEmpty();
        assertThat(DirectoryTemplate.problem("/a/{period}/{outtriplet}")).get().asString().contains("{leafdir}");
        assertThat(DirectoryTemplate.problem("/a/../{period}/{outtriplet}/{leafdir}")).get().asString().contains("'..'");
        assertThat(DirectoryTemplate.problem("/a/{period}/{outtriplet}/{leafdir}/{run}")).get().asString().contains("{run}");
        assertThat(DirectoryTemplate.problem("/a/$(HOME)/{period}/{outtriplet}/{leafdir}")).isPresent();
        assertThat(new DirectoryTemplate("/a/b{period}/{outtriplet}/{leafdir}").prefix()).isEqualTo(Path.of("/a"));
        assertThat(BatchLogTemplate.problem("{condor}/{logbase}.condor")).isEmpty();
        assertThat(BatchLogTemplate.problem("{condor}/../{logbase}.condor")).isPresent();
        assertThat(BatchLogTemplate.problem("{condor}/sub/{logbase}.condor")).isPresent();
    }

    @Test
    void aValueThatIsNotANameCannotLeaveTheTemplatesPrefix() {
        DirectoryTemplate template = new DirectoryTemplate("/a/{period}/{outtriplet}/{leafdir}");

        assertThatThrownBy(() -> template.fill(Map.of("period", "..", "outtriplet", "t", "leafdir", "DST_X")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.fill(Map.of("period", "x/y", "outtriplet", "t", "leafdir", "DST_X")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
