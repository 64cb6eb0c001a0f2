package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import org.junit.jupiter.api.Test;

/** Which names a job of sphenixprod's convention can write, and what a stage-out name says. */
class JobNamesTest {

    private static final Tag TAG = Tag.parse("ana523_2025p007_v001");

    @Test
    void aCombinerWritesEverySegmentOfItsRunAndHostAndNothingElse() {
        JobNames names = new JobNames(OutputFile.ofLeaf("DST_STREAMING_EVENT", "mvtx0", "run3auau", TAG, 54321, 0),
                new WritableSegments(0, true));

        assertThat(names.dst("DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p007_v001-00054321-00042.root"))
                .hasValueSatisfying(f -> assertThat(f.segment()).isEqualTo(42));
        assertThat(names.dst("DST_STREAMING_EVENT_mvtx1_run3auau_ana523_2025p007_v001-00054321-00000.root")).isEmpty();
        assertThat(names.dst("DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p007_v001-00054322-00000.root")).isEmpty();
        assertThat(names.dst("DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p008_v001-00054321-00000.root")).isEmpty();
        assertThat(names.histogram("HIST_DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p007_v001-00054321-00000.root"))
                .hasValueSatisfying(f -> assertThat(f.product()).isEqualTo("HIST_DST_STREAMING_EVENT_mvtx0"));
        assertThat(names.histogram("CALIB_DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p007_v001-00054321-00003.root"))
                .isPresent();
    }

    @Test
    void aDownstreamJobWritesItsSegmentOrTheTenItRollsOverInto() {
        JobNames clustering = new JobNames(OutputFile.of("DST_TRKR_CLUSTER", "run3auau", TAG, 54321, 3),
                new WritableSegments(3, false));

        for (int seg : new int[] {3, 30, 39}) {
            assertThat(clustering.dst(String.format("DST_TRKR_CLUSTER_run3auau_ana523_2025p007_v001-00054321-%05d.root", seg)))
                    .as("segment %d", seg).isPresent();
            assertThat(clustering.histogram(String.format(
                    "HIST_DST_TRKR_CLUSTER_run3auau_ana523_2025p007_v001-00054321-%05d.root", seg))).isPresent();
        }
        for (int seg : new int[] {2, 4, 29, 40}) {
            assertThat(clustering.dst(String.format("DST_TRKR_CLUSTER_run3auau_ana523_2025p007_v001-00054321-%05d.root", seg)))
                    .as("segment %d", seg).isEmpty();
        }
    }

    @Test
    void theCalorimeterQaFormAndTheOperatorsOwnHistogramNamesAreTheJobs() {
        JobNames fitting = new JobNames(OutputFile.of("DST_CALOFITTING", "run3auau", TAG, 54321, 4),
                new WritableSegments(4, false));

        assertThat(fitting.histogram("HIST_CALOFITTINGQA_run3auau_ana523_2025p007_v001-00054321-00004.root"))
                .hasValueSatisfying(f -> {
                    assertThat(f.product()).isEqualTo("HIST_CALOFITTINGQA");
                    assertThat(f.fileName()).isEqualTo("HIST_CALOFITTINGQA_run3auau_ana523_2025p007_v001-00054321-00004.root");
                });
        assertThat(fitting.histogram("HIST_CALOFITTING_run3auau_ana523_2025p007_v001-00054321-00004.root")).isPresent();
        assertThat(fitting.histogram("HIST_CALOQA_run3auau_ana523_2025p007_v001-00054321-00004.root")).isEmpty();
        assertThat(fitting.histogram("DST_CALOFITTING_run3auau_ana523_2025p007_v001-00054321-00004.root")).isEmpty();
    }

    @Test
    void aNameWhoseRunOrSegmentIsNotOfItsFixedWidthOrNotDigitsIsNotTheJobs() {
        JobNames names = new JobNames(OutputFile.ofLeaf("DST_STREAMING_EVENT", "mvtx0", "run3auau", TAG, 54321, 0),
                new WritableSegments(0, true));
        String head = "DST_STREAMING_EVENT_mvtx0_run3auau_ana523_2025p007_v001";

        assertThat(names.dst(head + "-00054321-00007.root")).isPresent();
        for (String tail : new String[] {"-0054321-00007.root", "-000054321-00007.root", "-00054321-0007.root",
                "-00054321-000007.root", "-0005432x-00007.root", "-00054321-0000x.root", "-00054321_00007.root",
                "-00054321-00007.rooT", "-00054321-00007.root.part", "+00054321-00007.root", "-+0054321-00007.root"}) {
            assertThat(names.dst(head + tail)).as(tail).isEmpty();
            assertThat(names.histogram("HIST_" + head + tail)).as("HIST_ " + tail).isEmpty();
        }
        assertThat(names.dst("-00054321-00007.root")).as("no head").isEmpty();
        assertThat(names.dst("X" + head + "-00054321-00007.root")).as("another head").isEmpty();
    }

    @Test
    void aStageOutNameIsReadInItsTwoFormsAndNothingElseIsOne() {
        String md5 = "0123456789abcdef0123456789abcdef";

        assertThat(StageOutName.parse("DST_X_run3auau_a1_b_v001-00000001-00002.root:nevents:-1:first:-1:last:-1:md5:" + md5
                + ":size:12:ctime:1700000000:dbid:815")).hasValueSatisfying(n -> {
                    assertThat(n.lfn()).isEqualTo("DST_X_run3auau_a1_b_v001-00000001-00002.root");
                    assertThat(n.events()).as("not counted").isZero();
                    assertThat(n.size()).hasValue(12);
                    assertThat(n.dbid()).isEqualTo(815);
                });
        assertThat(StageOutName.parse("A.root:nevents:5:first:0:last:4:md5:" + md5 + ":dbid:7"))
                .hasValueSatisfying(n -> assertThat(n.size()).isEmpty());
        assertThat(StageOutName.parse("A.root:nevents:0:first:-1:last:-1:md5:none:dbid:7")).as("the .finished marker").isEmpty();
        assertThat(StageOutName.parse("A.root:nevents:5:first:0:last:4:md5:" + md5 + ":dbid:7.failed-attempt-1")).isEmpty();
        assertThat(StageOutName.parse("A.root")).isEmpty();
        String older = ":nevents:5:first:0:last:4:md5:" + md5 + ":dbid:7";
        assertThat(StageOutName.parse(older)).as("no lfn").isEmpty();
        assertThat(StageOutName.parse("dir/A.root" + older)).as("a path, not a name").isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(md5, md5.toUpperCase()))).as("md5sum prints lower case").isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(md5, md5 + "0"))).isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(":5:", ":1234567890123456789:"))).as("19 digits").isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(":5:", ":-:"))).isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(":5:", "::"))).isEmpty();
        assertThat(StageOutName.parse("A.root" + older.replace(":dbid:7", ":dbid:-7"))).as("a negative dbid is read, and matches no row")
                .hasValueSatisfying(n -> assertThat(n.dbid()).isEqualTo(-7));
        assertThat(StageOutName.parse("A.root:nevents:5:first:0:last:4:md5:" + md5 + ":size:-12:ctime:1:dbid:7"))
                .as("a size is never negative").isEmpty();
        assertThat(StageOutName.parse("A.root:nevents:5:first:0:last:4:md5:" + md5 + ":ctime:12:size:1:dbid:7"))
                .as("size before ctime").isEmpty();
        assertThat(StageOutName.parse("A.root:nevents:5:first:0:last:4:md5:" + md5 + ":size:12:ctime:1:dbid:7:"))
                .as("nothing after the dbid").isEmpty();
    }
}
