package gov.bnl.sphenix.production.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighted max-min fair share of the global budget. */
class SubmissionBudgetTest {

    private static SubmissionBudget.Claim claim(String production, int priority, int room, long pending) {
        return new SubmissionBudget.Claim(production, priority, room, pending);
    }

    @Test
    void everyoneGetsTheirDemandWhenTheBudgetSuffices() {
        Map<String, Integer> grants = SubmissionBudget.share(
                List.of(claim("a", 1, 10, 100), claim("b", 5, 100, 7)), 1_000);

        assertThat(grants).containsEntry("a", 10).containsEntry("b", 7);
    }

    @Test
    void sharesFollowPriorityWhenEveryoneWantsMore() {
        Map<String, Integer> grants = SubmissionBudget.share(
                List.of(claim("a", 1, 1_000, 1_000), claim("b", 2, 1_000, 1_000), claim("c", 7, 1_000, 1_000)), 100);

        assertThat(grants).containsEntry("a", 10).containsEntry("b", 20).containsEntry("c", 70);
    }

    @Test
    void unitsLeftByRoundingGoToTheLargestRemainders() {
        Map<String, Integer> grants = SubmissionBudget.share(
                List.of(claim("a", 1, 50, 50), claim("b", 1, 50, 50), claim("c", 1, 50, 50)), 10);

        assertThat(grants.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(grants).containsEntry("a", 4).containsEntry("b", 3).containsEntry("c", 3);
    }

    @Test
    void zeroAndNegativePrioritiesStillGetAShare() {
        Map<String, Integer> grants = SubmissionBudget.share(
                List.of(claim("a", 0, 50, 50), claim("b", -5, 50, 50)), 10);

        assertThat(grants).containsEntry("a", 5).containsEntry("b", 5);
    }

    @Test
    void noBudgetNoGrants() {
        Map<String, Integer> grants = SubmissionBudget.share(List.of(claim("a", 1, 50, 50)), -3);

        assertThat(grants).containsEntry("a", 0);
    }
}
