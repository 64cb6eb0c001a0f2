package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;
import static gov.bnl.sphenix.production.plan.Fixtures.held;
import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.ready;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import org.junit.jupiter.api.Test;

/** A spec changed under running jobs: resources apply to new submissions; a new tag is a new production. */
class ChangesTest {

    private final JobKey running = key("calo", 100, 0);
    private final JobKey fresh = key("calo", 101, 0);

    @Test
    void newMemoryAndPriorityApplyToNewSubmissionsOnly() {
        Production before = production("calo").memory(2048, 4096).priority(1).build();
        Production after = production("calo").memory(3072, 6144).priority(9).build();
        Snapshot observed = world().ready(ready(running), ready(fresh))
                .ledger(row(running, LedgerState.QUEUED, 7)).queue(job(7, running, BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, after);

        assertThat(after.specHash()).isNotEqualTo(before.specHash());
        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Submit.class, submit -> {
            assertThat(submit.keys()).containsExactly(fresh);
            assertThat(submit.memoryMib()).isEqualTo(3072);
            assertThat(submit.priority()).isEqualTo(9);
        });
    }

    @Test
    void aHeldJobClimbsTheLadderInForceNow() {
        Production after = production("calo").memory(3072, 6144).build();
        Snapshot observed = world().ledger(row(running, LedgerState.QUEUED, 7))
                .queue(held(7, running, new Hold(21, 102, "memory"), 2048, NOW)).snapshot();

        assertThat(plan(observed, after).actionsOf(Action.Release.class)).singleElement()
                .satisfies(r -> assertThat(r.newMemoryMib()).isEqualTo(3072));
    }

    @Test
    void aNewTagIsANewProductionWithItsOwnKeys() {
        // the old production's jobs are not this one's: its keys carry the old name
        Production v2 = production("calo-v2").build();
        JobKey v2Key = key("calo-v2", 100, 0);
        Snapshot observed = world().ready(ready(v2Key)).ledger(row(running, LedgerState.SUCCEEDED, 7)).snapshot();

        assertThat(plan(observed, v2).submittedKeys()).containsExactly(v2Key);
    }
}
