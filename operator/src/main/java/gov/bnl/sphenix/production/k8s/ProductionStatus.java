package gov.bnl.sphenix.production.k8s;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a production stands, as {@code kubectl describe production X} shows it. Events expire
 * after an hour, so everything a person needs later — hold reasons, the last error, the revision —
 * is kept here.
 */
public class ProductionStatus {

    private Long observedGeneration;
    private String state;
    private String appliedRevision;
    private String lastReconcileTime;
    private JobCounts jobs = new JobCounts();
    private RunCursor runs = new RunCursor();
    private List<HoldReason> topHoldReasons = new ArrayList<>();
    private List<String> errors = new ArrayList<>();
    private long eventsProduced;
    private long outputsRegistered;
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getAppliedRevision() {
        return appliedRevision;
    }

    public void setAppliedRevision(String appliedRevision) {
        this.appliedRevision = appliedRevision;
    }

    public String getLastReconcileTime() {
        return lastReconcileTime;
    }

    public void setLastReconcileTime(String lastReconcileTime) {
        this.lastReconcileTime = lastReconcileTime;
    }

    public JobCounts getJobs() {
        return jobs;
    }

    public void setJobs(JobCounts jobs) {
        this.jobs = jobs;
    }

    public RunCursor getRuns() {
        return runs;
    }

    public void setRuns(RunCursor runs) {
        this.runs = runs;
    }

    public List<HoldReason> getTopHoldReasons() {
        return topHoldReasons;
    }

    public void setTopHoldReasons(List<HoldReason> topHoldReasons) {
        this.topHoldReasons = topHoldReasons;
    }

    public List<String> getErrors() {
        return errors;
    }

    public void setErrors(List<String> errors) {
        this.errors = errors;
    }

    public long getEventsProduced() {
        return eventsProduced;
    }

    public void setEventsProduced(long eventsProduced) {
        this.eventsProduced = eventsProduced;
    }

    public long getOutputsRegistered() {
        return outputsRegistered;
    }

    public void setOutputsRegistered(long outputsRegistered) {
        this.outputsRegistered = outputsRegistered;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** Jobs of the production by state. */
    public static class JobCounts {
        private long submitting;
        private long queued;
        private long running;
        private long held;
        private long finished;
        private long failed;
        private long killed;

        public long getSubmitting() {
            return submitting;
        }

        public void setSubmitting(long submitting) {
            this.submitting = submitting;
        }

        public long getQueued() {
            return queued;
        }

        public void setQueued(long queued) {
            this.queued = queued;
        }

        public long getRunning() {
            return running;
        }

        public void setRunning(long running) {
            this.running = running;
        }

        public long getHeld() {
            return held;
        }

        public void setHeld(long held) {
            this.held = held;
        }

        public long getFinished() {
            return finished;
        }

        public void setFinished(long finished) {
            this.finished = finished;
        }

        public long getFailed() {
            return failed;
        }

        public void setFailed(long failed) {
            this.failed = failed;
        }

        public long getKilled() {
            return killed;
        }

        public void setKilled(long killed) {
            this.killed = killed;
        }
    }

    /** How far through its runs the production is. */
    public static class RunCursor {
        private long selected;
        private long done;
        private Integer newestSubmitted;
        private Integer oldestPending;

        public long getSelected() {
            return selected;
        }

        public void setSelected(long selected) {
            this.selected = selected;
        }

        public long getDone() {
            return done;
        }

        public void setDone(long done) {
            this.done = done;
        }

        public Integer getNewestSubmitted() {
            return newestSubmitted;
        }

        public void setNewestSubmitted(Integer newestSubmitted) {
            this.newestSubmitted = newestSubmitted;
        }

        public Integer getOldestPending() {
            return oldestPending;
        }

        public void setOldestPending(Integer oldestPending) {
            this.oldestPending = oldestPending;
        }
    }

    /** A hold reason and how many jobs it held. */
    public static class HoldReason {
        private String reason;
        private long count;

        public HoldReason() {
        }

        public HoldReason(String reason, long count) {
            this.reason = reason;
            this.count = count;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }
    }
}
