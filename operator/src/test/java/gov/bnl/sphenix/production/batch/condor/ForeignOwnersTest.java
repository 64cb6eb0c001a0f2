package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ForeignOwnersTest {

    @Test
    void eachOtherOwnerIsReportedOnce() {
        ForeignOwners owners = new ForeignOwners();

        assertThat(owners.report("condor_q", "submitter", Set.of("alice"))).containsExactly("alice");
        assertThat(owners.report("condor_q", "submitter", Set.of("alice"))).isEmpty();
        assertThat(owners.report("condor_history", "submitter", Set.of("alice", "bob"))).containsExactly("bob");
    }
}
