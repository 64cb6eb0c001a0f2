package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The ids the batch system gave to submitted jobs, in submission order. */
public record Submission(List<SubmittedJob> jobs) {

    public record SubmittedJob(JobKey key, BatchJobId id) {
        public SubmittedJob {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
        }
    }

    public Submission {
        jobs = List.copyOf(jobs);
    }

    public Map<JobKey, BatchJobId> idsByKey() {
        Map<JobKey, BatchJobId> ids = new LinkedHashMap<>();
        jobs.forEach(j -> ids.put(j.key(), j.id()));
        return ids;
    }

    public BatchJobId idOf(JobKey key) {
        return jobs.stream().filter(j -> j.key().equals(key)).map(SubmittedJob::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + " was not in this submission"));
    }

    public int size() {
        return jobs.size();
    }
}
