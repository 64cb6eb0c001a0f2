package gov.bnl.sphenix.production.k8s;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Who leads, as this replica last heard from the Lease: for readiness, logs and tests. */
public final class Leadership {

    private final String identity;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicReference<String> leader = new AtomicReference<>();

    public Leadership(String identity) {
        this.identity = identity;
    }

    public String identity() {
        return identity;
    }

    public boolean isLeading() {
        return leading.get();
    }

    /** The holder of the Lease, once one is known. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader.get());
    }

    void startedLeading() {
        leading.set(true);
    }

    void stoppedLeading() {
        leading.set(false);
    }

    void newLeader(String identity) {
        leader.set(identity);
    }
}
