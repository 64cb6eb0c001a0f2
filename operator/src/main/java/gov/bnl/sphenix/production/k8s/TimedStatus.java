package gov.bnl.sphenix.production.k8s;

/**
 * A resource status that carries the time of its last write ({@code lastReconcileTime},
 * {@code lastFetchTime}). Such a time differs on every pass, so the status is compared without it:
 * a status equal but for that time is not written again.
 */
public interface TimedStatus<S extends TimedStatus<S>> {

    /** This status with the time of the write left out. */
    S untimed();
}
