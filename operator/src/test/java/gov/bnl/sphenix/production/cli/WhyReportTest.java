package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq.RunEvents;
import gov.bnl.sphenix.production.catalog.readiness.RunVerdict;
import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What prodctl why prints for a production with runs waiting and runs produced short of the DAQ's events. */
class WhyReportTest {

    @Test
    void theWaitingRunsByReasonThenTheRunsShortOfTheDaqsEventsThenTheLastLine() {
        WhyReport report = new WhyReport(
                TestProducts.production(TestProducts.STREAMING, "physics", RunSet.range(100, 200), Segments.ALL, List.of()),
                List.of(new RunVerdict(105, WaitReason.NOT_TRANSFERRED, "ebdc03 (4 files at the DAQ)"),
                        new RunVerdict(104, WaitReason.READY, "its inputs are in place: 6 jobs"),
                        new RunVerdict(103, WaitReason.BELOW_CUTS, "too short: 60 s, the cut is 300 s")),
                false, Optional.of(List.of(new RunEvents(101, "DST_STREAMING_EVENT_ebdc07_1", 900, 1000),
                        new RunEvents(102, "DST_STREAMING_EVENT_ebdc07_1", 990, 1000))));

        assertThat(report.text()).endsWith("""
                below the run cuts: 1 run
                  103  too short: 60 s, the cut is 300 s
                not transferred: 1 run
                  105  ebdc03 (4 files at the DAQ)
                events against the DAQ: 2 runs produced, 1 under 0.95 of the DAQ's count
                  101  900 of 1000 events (0.90) in DST_STREAMING_EVENT_ebdc07_1
                why: 2 runs waiting: 1 below the run cuts, 1 not transferred; 1 ready
                """);
    }
}
