package gov.bnl.sphenix.production.control.observe;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolledOverOutputsTest {

    private static JobKey key(int segment) {
        return JobKey.ofLeaf("cluster", 66052, segment, "");
    }

    private static ExistingOutput output(int segment) {
        return new ExistingOutput(key(segment), List.of(String.format("DST_TRKR_CLUSTER-00066052-%05d.root", segment)));
    }

    @Test
    void theTenSegmentsAClusteringJobRolledOverIntoCountForItsKeyAndLeaveTheNextKeyToBeMade() {
        List<ExistingOutput> written = IntStream.range(0, 10).mapToObj(RolledOverOutputsTest::output).toList();

        List<ExistingOutput> folded = RolledOverOutputs.fold(written, Set.of(key(0)));

        assertThat(folded).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo(key(0));
            assertThat(o.files()).hasSize(10);
        });
    }

    @Test
    void anOutputStaysUnderItsOwnKeyWhenTheLedgerHoldsItOrNoJobCanHaveWrittenIt() {
        List<ExistingOutput> written = List.of(output(0), output(3), output(12));

        assertThat(RolledOverOutputs.fold(written, Set.of(key(0), key(3)))).extracting(ExistingOutput::key)
                .as("3 is a job of its own; 12 would be key 1's, which the ledger does not hold")
                .containsExactly(key(0), key(3), key(12));
        assertThat(RolledOverOutputs.fold(written, Set.of(key(1)))).extracting(ExistingOutput::key)
                .containsExactly(key(0), key(1), key(3));
    }
}
