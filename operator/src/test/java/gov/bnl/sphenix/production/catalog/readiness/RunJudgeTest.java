package gov.bnl.sphenix.production.catalog.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blockers the DAQ database tells, and their order: the first that holds is the run's reason. */
class RunJudgeTest {

    private static final RunCuts CUTS = new RunCuts("physics", 100_000, Duration.ofMinutes(5));

    /** The INTT product with intt2 and intt3 masked. */
    private static final RunJudge INTT = new RunJudge(new ReasonRequest(new RawRequest("DST_INTT", RunSet.range(100, 200),
            RunOrder.NEWEST_FIRST, CUTS, SegmentWindow.ALL, true, List.of("intt0", "intt1"), List.of("gl1daq"), false),
            List.of("intt0", "intt1", "intt2", "intt3")));

    @Test
    void aRunNoHostOfTheProductTookPartInSaysWhichHostsItLookedFor() {
        RunFacts run = new RunFacts(150, "physics", 10, OptionalLong.empty(), Set.of("gl1daq", "mvtx0"));

        assertThat(INTT.judge(run)).contains(new RunVerdict(150, WaitReason.NO_HOSTS,
                "none of the product's hosts took part (intt0, intt1, intt2, intt3)"));
    }

    @Test
    void aRunOnlyMaskedHostsTookPartInIsMaskedBeforeItIsStillRunningOrShort() {
        RunFacts run = new RunFacts(150, "physics", 10, OptionalLong.empty(), Set.of("gl1daq", "intt2", "intt3"));

        assertThat(INTT.judge(run)).contains(new RunVerdict(150, WaitReason.MASKED,
                "every host of the product that took part is masked: intt2, intt3"));
    }

    @Test
    void aRunBelowBothCutsNamesBoth() {
        RunFacts run = new RunFacts(150, "physics", 5_000, OptionalLong.of(60), Set.of("intt0"));

        assertThat(INTT.judge(run)).contains(new RunVerdict(150, WaitReason.BELOW_CUTS,
                "too short: 60 s, the cut is 300 s; too few events: 5000, the cut is 100000"));
    }

    @Test
    void aRunPastEveryCheckIsLeftToTheCatalog() {
        RunFacts run = new RunFacts(150, "physics", 500_000, OptionalLong.of(3_600), Set.of("intt0", "intt2"));

        assertThat(INTT.judge(run)).isEmpty();
    }

    @Test
    void manyHostsAreNamedAFewAtATime() {
        assertThat(RunJudge.named(List.of("a", "b", "c", "d", "e", "f"))).isEqualTo("a, b, c, d and 2 more");
    }
}
