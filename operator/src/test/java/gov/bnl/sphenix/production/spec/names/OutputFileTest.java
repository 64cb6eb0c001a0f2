package gov.bnl.sphenix.production.spec.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputFileTest {

    private static final List<String> DSTTYPES = List.of("DST_STREAMING_EVENT", "DST_TRKR_CLUSTER", "DST_TRKR_SEED",
            "DST_TRKR_TRACKS", "DST_TRIGGERED_EVENT", "DST_CALOFITTING", "DST_CALO", "DST_JETS");
    private static final Tag TAG = Tag.of("ana.468", "2024p012", 1);

    @Test
    void namesFollowTheCollaborationConvention() {
        assertThat(OutputFile.of("DST_TRKR_CLUSTER", "run3auau", TAG, 67962, 42).fileName())
                .isEqualTo("DST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.root");
    }

    @Test
    void perStreamProductsPutTheLeafAfterTheDsttype() {
        OutputFile f = OutputFile.ofLeaf("DST_STREAMING_EVENT", "ebdc07_1", "run3auau", Tag.of("new", "nocdbtag", 1), 67962, 0);
        assertThat(f.fileName()).isEqualTo("DST_STREAMING_EVENT_ebdc07_1_run3auau_new_nocdbtag_v001-00067962-00000.root");
        assertThat(f.product()).isEqualTo("DST_STREAMING_EVENT_ebdc07_1");
    }

    @Test
    void parsingSplitsDsttypeAndLeafWithTheLongestKnownDsttype() {
        // DST_CALO is a prefix of DST_CALOFITTING: the longer known name must win.
        OutputFile f = OutputFile.parse("DST_CALOFITTING_run3auau_ana530_2025p008_v001-00066520-00003.root", DSTTYPES);
        assertThat(f.dsttype()).isEqualTo("DST_CALOFITTING");
        assertThat(f.leaf()).isEmpty();
        assertThat(f.run()).isEqualTo(66520);
        assertThat(f.segment()).isEqualTo(3);
        assertThat(f.tag()).isEqualTo(Tag.of("ana.530", "2025p008", 1));

        OutputFile leaf = OutputFile.parse("DST_TRIGGERED_EVENT_seb07_run3auau_new_nocdbtag_v000-00066520-00000.root", DSTTYPES);
        assertThat(leaf.dsttype()).isEqualTo("DST_TRIGGERED_EVENT");
        assertThat(leaf.leaf()).contains("seb07");
    }

    @Test
    void randomNamesRoundTrip() {
        SplittableRandom random = new SplittableRandom(20261129);
        List<String> leaves = List.of("ebdc00_0", "ebdc23_1", "intt7", "mvtx0", "ebdc39", "seb20");
        List<String> datasets = List.of("run3auau", "run3cosmics", "run2pp", "run3pp", "run3line_laser", "run3calib");
        for (int i = 0; i < 2_000; i++) {
            String dsttype = DSTTYPES.get(random.nextInt(DSTTYPES.size()));
            String dataset = datasets.get(random.nextInt(datasets.size()));
            Tag tag = random.nextBoolean() ? Tag.of("new", "nocdbtag", random.nextInt(3))
                    : Tag.of("ana." + random.nextInt(400, 600), "2025p" + String.format("%03d", random.nextInt(20)),
                    1 + random.nextInt(20));
            int run = random.nextInt(0, 100_000_000);
            int segment = random.nextInt(0, 100_000);
            OutputFile original = random.nextBoolean()
                    ? OutputFile.of(dsttype, dataset, tag, run, segment)
                    : OutputFile.ofLeaf(dsttype, leaves.get(random.nextInt(leaves.size())), dataset, tag, run, segment);
            assertThat(OutputFile.parse(original.fileName(), DSTTYPES)).isEqualTo(original);
        }
    }

    @Test
    void namesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> OutputFile.parse("DST_FOO_run3auau_ana468_2024p012_v001-00067962-00042.root", DSTTYPES))
                .hasMessageContaining("no known dsttype");
        assertThatThrownBy(() -> OutputFile.parse("notes.txt", DSTTYPES)).hasMessageContaining("not an output name");
        assertThatThrownBy(() -> OutputFile.of("DST_CALO", "run3auau", TAG, 100_000_000, 0)).hasMessageContaining("8 digits");
        assertThatThrownBy(() -> OutputFile.of("DST_CALO", "Run3", TAG, 1, 0)).hasMessageContaining("dataset");
        assertThat(OutputFile.parse(OutputFile.ofLeaf("DST_STREAMING_EVENT", "ebdc07_1", "run3line_laser", TAG, 5, 0).fileName(),
                DSTTYPES).leaf()).contains("ebdc07_1");
    }

    @Test
    void runGroupsSpanAHundredRuns() {
        assertThat(RunGroup.of(67962).directoryName()).isEqualTo("run_00067900_00068000");
        assertThat(RunGroup.of(67900)).isEqualTo(RunGroup.of(67999));
        assertThat(RunGroup.of(68000)).isNotEqualTo(RunGroup.of(67999));
        assertThat(RunGroup.parse("run_00067900_00068000")).isEqualTo(RunGroup.of(67962));
        assertThatThrownBy(() -> RunGroup.parse("run_67900_68000")).hasMessageContaining("not a run group");
    }

    @Test
    void layoutSeparatesDstsFromLogsAndHistograms() {
        Layout layout = new Layout(Path.of("/lustre/production"), Path.of("/gpfs/logs"), Path.of("/gpfs/hist"));
        OutputFile f = OutputFile.of("DST_TRKR_CLUSTER", "run3auau", TAG, 67962, 42);
        assertThat(layout.dstPath(f, "physics")).isEqualTo(Path.of("/lustre/production/run3auau/physics/"
                + "ana468_2024p012_v001/run_00067900_00068000/DST_TRKR_CLUSTER/"
                + "DST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.root"));
        assertThat(layout.logPath(f, "physics", Layout.LogKind.STDERR)).isEqualTo(Path.of("/gpfs/logs/run3auau/physics/"
                + "ana468_2024p012_v001/run_00067900_00068000/DST_TRKR_CLUSTER/"
                + "DST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.err"));
        assertThat(layout.histPath(f, "physics").getFileName())
                .hasToString("HIST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.root");
        assertThatThrownBy(() -> layout.dstPath(f, "../etc")).hasMessageContaining("runtype");
    }
}
