package gov.bnl.sphenix.production.control.guard;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.control.guard.RemovalGuard.Verdict;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.source.Revision.Trailer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the guard lets through, what it holds back, and what it tells the person who must confirm. */
class RemovalGuardTest {

    private static final String HEAD = "abc1234def567890abc1234def567890abc12345";
    private static final Revision IN_FORCE = new Revision("def5678aaaabbbbccccddddeeeeffff000011112", "start", "a",
            Instant.EPOCH);
    private static final String ANNOTATE = "annotate the ProductionSource: kubectl annotate productionsource specs"
            + " production.sphenix.bnl.gov/allow-removal=%s";

    private static Revision head(String... trailers) {
        return new Revision(HEAD, "Merge pull request #9: retire run 2", "a", Instant.EPOCH,
                java.util.Arrays.stream(trailers).map(t -> new Trailer(t.split(":")[0], t.split(":")[1].strip()))
                        .toList());
    }

    private static RevisionImpact removing(int productions, long jobs) {
        return new RevisionImpact(IntStream.rangeClosed(1, productions).mapToObj(i -> "p" + i).toList(), jobs);
    }

    private static Verdict judge(RemovalLimits limits, Confirmation confirmation, Revision head, RevisionImpact impact) {
        return new RemovalGuard(limits, confirmation, (h, removed) -> 0).judge(head, impact, Optional.of(IN_FORCE));
    }

    @Test
    void aRevisionWithinBothLimitsIsAppliedUnconfirmed() {
        assertThat(judge(RemovalLimits.DEFAULTS, Confirmation.NONE, head(), removing(5, 1000)))
                .isEqualTo(new Verdict.Allowed(Optional.empty()));
    }

    @Test
    void tooManyProductionsOrTooManyJobsEachHoldTheRevisionBack() {
        assertThat(judge(RemovalLimits.DEFAULTS, Confirmation.NONE, head(), removing(6, 0)))
                .isInstanceOf(Verdict.Blocked.class);
        assertThat(judge(RemovalLimits.DEFAULTS, Confirmation.NONE, head(), removing(1, 1001)))
                .isInstanceOf(Verdict.Blocked.class);
    }

    @Test
    void theBlockedMessageSaysWhatTheRevisionWouldDoAndHowToConfirmIt() {
        Verdict verdict = judge(RemovalLimits.DEFAULTS, new Confirmation(Optional.empty(), ANNOTATE), head(),
                removing(12, 3400));

        assertThat(((Verdict.Blocked) verdict).block().message()).isEqualTo("commit abc1234 would remove 12 productions"
                + " (p1, p2, p3, p4, p5 and 7 more) and kill 3400 jobs (limits: 5 productions, 1000 jobs); confirm with"
                + " a merge commit trailer 'Prodctl-Allow-Removal: 12' or annotate the ProductionSource: kubectl"
                + " annotate productionsource specs production.sphenix.bnl.gov/allow-removal=abc1234def56;"
                + " def5678 stays in force");
    }

    @Test
    void aTrailerCountingAtLeastTheProductionsRemovedConfirmsThemAndTheirJobs() {
        Verdict verdict = judge(RemovalLimits.DEFAULTS, Confirmation.NONE,
                head("Reviewed-by: someone", "prodctl-allow-removal: 12"), removing(12, 3400));

        assertThat(verdict).isEqualTo(new Verdict.Allowed(
                Optional.of("confirmed by its trailer 'Prodctl-Allow-Removal: 12'")));
    }

    @Test
    void aTrailerThatCountsTooFewOrIsNoNumberSaysWhyItDoesNotConfirm() {
        Verdict tooFew = judge(RemovalLimits.DEFAULTS, Confirmation.NONE, head("Prodctl-Allow-Removal: 3"),
                removing(12, 0));
        Verdict notANumber = judge(RemovalLimits.DEFAULTS, Confirmation.NONE, head("Prodctl-Allow-Removal: all"),
                removing(12, 0));

        assertThat(((Verdict.Blocked) tooFew).block().message()).contains("; its trailer allows 3 removals, it makes 12;");
        assertThat(((Verdict.Blocked) notANumber).block().message())
                .contains("its trailer 'Prodctl-Allow-Removal: all' is not a number of productions");
    }

    @Test
    void aConfirmationNamingTheCommitLetsItThroughAndOneNamingAnotherDoesNot() {
        assertThat(judge(RemovalLimits.DEFAULTS, new Confirmation(Optional.of(" ABC1234DEF56 "), ANNOTATE), head(),
                removing(12, 0))).isInstanceOf(Verdict.Allowed.class);
        Verdict stale = judge(RemovalLimits.DEFAULTS, new Confirmation(Optional.of("def5678"), ANNOTATE), head(),
                removing(12, 0));
        Verdict tooShort = judge(RemovalLimits.DEFAULTS, new Confirmation(Optional.of("abc"), ANNOTATE), head(),
                removing(12, 0));

        assertThat(((Verdict.Blocked) stale).block().message()).contains("the confirmation names def5678, not abc1234");
        assertThat(((Verdict.Blocked) tooShort).block().message())
                .contains("the confirmation 'abc' is not a commit id of at least 7 hex digits");
    }

    @Test
    void zeroAsksForEveryRemovalAndANegativeLimitChecksNothing() {
        assertThat(judge(new RemovalLimits(0, -1), Confirmation.NONE, head(), removing(1, 1_000_000)))
                .isInstanceOf(Verdict.Blocked.class);
        assertThat(judge(new RemovalLimits(-1, -1), Confirmation.NONE, head(), removing(500, 1_000_000)))
                .isInstanceOf(Verdict.Allowed.class);
        assertThat(new RemovalLimits(-1, 0).describe()).isEqualTo("limits: no limit on productions, 0 jobs");
    }

    @Test
    void nothingRemovedIsMeasuredWithoutAskingHowManyJobsDie() throws Exception {
        RemovalGuard guard = new RemovalGuard(RemovalLimits.DEFAULTS, Confirmation.NONE, (h, removed) -> {
            throw new AssertionError("the ledger is not asked when nothing is removed");
        });

        assertThat(guard.measure(head(), List.of(), List.of())).isEqualTo(new RevisionImpact(List.of(), 0));
    }
}
