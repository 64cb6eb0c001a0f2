package gov.bnl.sphenix.production.control.act;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldBackTest {

    @Test
    void holdsItsKeysAndEveryKeyOfItsProductions() {
        JobKey held = JobKey.ofLeaf("streaming", 66052, 0, "mvtx0");
        HeldBack heldBack = new HeldBack(Set.of(held), Set.of("cluster"));

        assertThat(heldBack.holds(held)).isTrue();
        assertThat(heldBack.holds(JobKey.ofLeaf("streaming", 66052, 0, "mvtx1"))).isFalse();
        assertThat(heldBack.holds(JobKey.ofLeaf("cluster", 66060, 3, ""))).isTrue();
        assertThat(HeldBack.NONE.holds(held)).isFalse();
    }
}
