package gov.bnl.sphenix.production.plan;

/**
 * Where a job key of a production stands, as counted for status ({@code kubectl get} shows these).
 * A key is counted once, by what is most current: its job in the batch system, else its ledger
 * row, else its outputs, else its readiness.
 */
public enum Tally {
    /** ready and waiting to be submitted */
    READY,
    SUBMITTING,
    /** in the batch queue, waiting to start (HTCondor's Idle) */
    QUEUED,
    RUNNING,
    HELD,
    /** ran to the end, outputs not yet harvested */
    COMPLETED,
    SUCCEEDED,
    FAILED,
    KILLED,
    /** believed queued, gone from the queue and its history; or a submission that never arrived */
    LOST
}
