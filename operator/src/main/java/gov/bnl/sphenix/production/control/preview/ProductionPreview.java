package gov.bnl.sphenix.production.control.preview;

import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.SubmitCause;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the next pass would do to one production, as the planner plans it on the head revision
 * against what the catalogs, the ledger and the queue hold now.
 *
 * @param change          what the revision does to its spec
 * @param runs            runs declared, passing the run cuts, with a ready job; and job keys now
 * @param toSubmit        the jobs the pass submits (keys), by memory request and by cause
 * @param releases        held jobs it releases
 * @param kills           jobs it removes from the queue, with the reason
 * @param deletions       outputs it deletes (files and bytes) and the deletions blocked by a live job
 * @param awaitingHarvest jobs finished and not yet harvested: the pass harvests them first, which
 *                        may make downstream jobs ready that this preview cannot count
 * @param afterGrace      for a removal whose policy deletes outputs after a grace period: what it
 *                        deletes then, as catalogued now
 * @param waiting         the runs that wait, counted by the first reason of each (as {@code prodctl why} tells)
 */
public record ProductionPreview(SpecChange change, Runs runs, Submissions toSubmit, long releases, List<Kill> kills,
                                Deletions deletions, long awaitingHarvest, Optional<Deletions> afterGrace,
                                WaitingCounts waiting) {

    public ProductionPreview {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(toSubmit, "toSubmit");
        kills = List.copyOf(kills);
        Objects.requireNonNull(deletions, "deletions");
        Objects.requireNonNull(afterGrace, "afterGrace");
        Objects.requireNonNull(waiting, "waiting");
    }

    public String production() {
        return change.production();
    }

    /**
     * Runs and keys. {@code passingCuts} and {@code withReadyJob} are -1 when the planner did not
     * ask for readiness (a removed production has no new jobs).
     *
     * @param selected    runs the spec declares
     * @param passingCuts of those, runs the catalogs know that pass the run cuts
     * @param withReadyJob runs with at least one job whose inputs are all there
     * @param keysReady   job keys ready and not done (submitted now, or waiting for the budget)
     * @param keysDone    job keys finished with their outputs catalogued
     * @param keysLive    job keys with a job queued, running or held now
     */
    public record Runs(long selected, long passingCuts, long withReadyJob, long keysReady, long keysDone,
                       long keysLive) {
    }

    /** @param runs the distinct runs of the submitted keys, ascending */
    public record Submissions(List<JobKey> keys, List<Integer> runs, SortedMap<Integer, Long> byMemoryMib,
                              Map<SubmitCause, Long> byCause) {
        public Submissions {
            keys = List.copyOf(keys);
            runs = List.copyOf(runs);
            byMemoryMib = new TreeMap<>(byMemoryMib);
            byCause = Map.copyOf(byCause);
        }

        public int count() {
            return keys.size();
        }

        public long reruns() {
            return byCause.getOrDefault(SubmitCause.RERUN, 0L);
        }
    }

    public record Kill(JobKey key, String job, String reason) {
    }

    /** @param blocked deletions a live job's inputs hold up: the output, its file, and the job that blocks it */
    public record Deletions(List<JobKey> keys, long files, long bytes, List<Blocked> blocked) {
        public Deletions {
            keys = List.copyOf(keys);
            blocked = List.copyOf(blocked);
        }
    }

    public record Blocked(JobKey output, String file, JobKey neededBy) {
    }
}
