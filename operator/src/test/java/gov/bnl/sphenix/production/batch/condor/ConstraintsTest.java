package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every constraint the adapter builds, for every selection: always limited to our owner. */
class ConstraintsTest {

    /** How every constraint begins: only the jobs of our owner, the selection in parentheses. */
    private static final String OURS = "Owner =?= \"submitter\" && (";

    private static String of(Selection selection) {
        return Constraints.of("submitter", selection);
    }

    @Test
    void theOwnerComparisonIsCaseSensitiveAndQuoted() {
        // == would take "Sphnxpro" for "sphnxpro"; =?= does not
        assertThat(Constraints.of("sphnxpro", Selection.production("calo")))
                .isEqualTo("Owner =?= \"sphnxpro\" && (ProdOpProduction =?= \"calo\")");
    }

    @Test
    void aProductionIsOneCaseSensitiveComparison() {
        assertThat(of(Selection.production("run3auau-calo")))
                .isEqualTo(OURS + "ProdOpProduction =?= \"run3auau-calo\")");
    }

    @Test
    void theProductionsOfAPassAreOneIdenticalMemberInAStableOrder() {
        assertThat(of(Selection.productions(List.of("seed", "calo", "cluster"))))
                .isEqualTo(OURS + "identicalMember(ProdOpProduction, {\"calo\", \"cluster\", \"seed\"}))");
        assertThat(of(Selection.productions(List.of("calo")))).isEqualTo(OURS + "ProdOpProduction =?= \"calo\")");
    }

    @Test
    void keysUseIdenticalMemberInAStableOrder() {
        Selection keys = Selection.keys(List.of(JobKey.of("calo", 67962, 2), JobKey.ofLeaf("calo", 67962, 0, "seb07")));

        assertThat(of(keys))
                .isEqualTo(OURS + "identicalMember(ProdOpJobKey, {\"calo/67962/0/seb07\", \"calo/67962/2\"}))");
        assertThat(of(Selection.key(JobKey.of("calo", 1, 2)))).isEqualTo(OURS + "ProdOpJobKey =?= \"calo/1/2\")");
    }

    @Test
    void idsAreGroupedByCluster() {
        Selection ids = Selection.ids(List.of(new BatchJobId(7, 1), new BatchJobId(7, 0), new BatchJobId(9, 4)));

        // the owner clause binds the whole disjunction: "Owner && A || B" would match anyone's B
        assertThat(of(ids))
                .isEqualTo(OURS + "(ClusterId == 7 && member(ProcId, {0, 1})) || (ClusterId == 9 && ProcId == 4))");
    }

    @Test
    void statesBecomeJobStatusCodesAndSelectionsCombine() {
        Selection heldOrRunning = Selection.production("calo").and(Selection.inState(BatchState.HELD, BatchState.RUNNING));

        assertThat(of(heldOrRunning))
                .isEqualTo(OURS + "(ProdOpProduction =?= \"calo\") && (member(JobStatus, {2, 5, 6, 7})))");
        assertThat(of(Selection.inState(BatchState.QUEUED))).isEqualTo(OURS + "JobStatus == 1)");
        assertThat(of(Selection.token("pass-7"))).isEqualTo(OURS + "ProdOpToken =?= \"pass-7\")");
    }

    @Test
    void everyJobStatusHasAState() {
        for (BatchState state : BatchState.values()) {
            assertThat(Constraints.statusCodes(state)).allSatisfy(code -> assertThat(Constraints.state(code)).isEqualTo(state));
        }
    }
}
