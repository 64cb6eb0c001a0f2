package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;
import java.util.Objects;

/** The output files a job key already has in the file catalog. */
public record ExistingOutput(JobKey key, List<String> files) {

    public ExistingOutput {
        Objects.requireNonNull(key, "key");
        files = List.copyOf(files);
    }
}
