package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The input files a live job was submitted with, as the ledger recorded them at submission. These,
 * not today's readiness, are what a running job reads: a run dropped from the spec or a production
 * removed with policy {@code keep} leaves jobs running whose inputs no candidate names any more.
 *
 * @param key    the live job's key (of any production: declared, removed or unknown to this revision)
 * @param inputs its input files; empty when the ledger has no record of them (a job adopted from the
 *               queue, or submitted before inputs were recorded), in which case no file can be proven
 *               unused by it
 */
public record LiveJobInputs(JobKey key, Optional<List<String>> inputs) {

    public LiveJobInputs {
        Objects.requireNonNull(key, "key");
        inputs = inputs.map(List::copyOf);
    }

    public static LiveJobInputs recorded(JobKey key, List<String> inputs) {
        return new LiveJobInputs(key, Optional.of(inputs));
    }

    public static LiveJobInputs unknown(JobKey key) {
        return new LiveJobInputs(key, Optional.empty());
    }
}
