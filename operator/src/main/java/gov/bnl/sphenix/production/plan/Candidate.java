package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;
import java.util.Objects;

/**
 * A job key whose inputs are ready, from the catalog's readiness queries, with the input files the
 * job will read. The inputs matter to the planner twice: they go into the submission, and a file
 * that an unfinished job still needs is never deleted.
 */
public record Candidate(JobKey key, List<String> inputs) {

    public Candidate {
        Objects.requireNonNull(key, "key");
        inputs = List.copyOf(inputs);
    }
}
