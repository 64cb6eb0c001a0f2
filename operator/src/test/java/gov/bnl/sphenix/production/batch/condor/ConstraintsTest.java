package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.batch.JobState;
import gov.bnl.sphenix.production.batch.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void aProductionIsOneCaseSensitiveComparison() {
        assertThat(Constraints.of(Selection.production("run3auau-calo")))
                .isEqualTo("ProdOpProduction =?= \"run3auau-calo\"");
    }

    @Test
    void keysUseIdenticalMemberInAStableOrder() {
        Selection keys = Selection.keys(List.of(JobKey.of("calo", 67962, 2), JobKey.ofLeaf("calo", 67962, 0, "seb07")));

        assertThat(Constraints.of(keys))
                .isEqualTo("identicalMember(ProdOpJobKey, {\"calo/67962/0/seb07\", \"calo/67962/2\"})");
        assertThat(Constraints.of(Selection.key(JobKey.of("calo", 1, 2)))).isEqualTo("ProdOpJobKey =?= \"calo/1/2\"");
    }

    @Test
    void idsAreGroupedByCluster() {
        Selection ids = Selection.ids(List.of(new BatchJobId(7, 1), new BatchJobId(7, 0), new BatchJobId(9, 4)));

        assertThat(Constraints.of(ids))
                .isEqualTo("(ClusterId == 7 && member(ProcId, {0, 1})) || (ClusterId == 9 && ProcId == 4)");
    }

    @Test
    void statesBecomeJobStatusCodesAndSelectionsCombine() {
        Selection heldOrRunning = Selection.production("calo").and(Selection.inState(JobState.HELD, JobState.RUNNING));

        assertThat(Constraints.of(heldOrRunning))
                .isEqualTo("(ProdOpProduction =?= \"calo\") && (member(JobStatus, {2, 5, 6, 7}))");
        assertThat(Constraints.of(Selection.inState(JobState.IDLE))).isEqualTo("JobStatus == 1");
        assertThat(Constraints.of(Selection.token("pass-7"))).isEqualTo("ProdOpToken =?= \"pass-7\"");
    }

    @Test
    void everyJobStatusHasAState() {
        for (JobState state : JobState.values()) {
            assertThat(Constraints.statusCodes(state)).allSatisfy(code -> assertThat(Constraints.state(code)).isEqualTo(state));
        }
    }
}
