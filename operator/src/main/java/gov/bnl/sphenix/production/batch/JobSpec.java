package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the batch system needs to run one job, already resolved: identity (key, batch token,
 * output namespace), resources, the payload and its files. {@link JobSpecs} builds these from a
 * production; the adapters only translate them.
 *
 * @param key              the job key, carried as {@code ProdOpJobKey}
 * @param batchToken       written to the ledger before submission and carried as {@code ProdOpToken},
 *                         so a submission whose outcome was lost can be found in the queue
 * @param rerunToken       the rerun token the job runs under ({@code ""} when none)
 * @param namespace        dsttype, dataset and tag, carried as {@code DSTTYPE}, {@code DATASET}, {@code TAG}
 * @param requestMemoryMib memory request, the current rung of the production's ladder
 * @param requestCpus      cores
 * @param requestDiskMib   scratch disk
 * @param priority         job priority within the submitter's jobs
 * @param batchName        {@code JobBatchName}, what {@code condor_q} groups by
 * @param accountingGroup  the fair-share group, when the pool uses them
 * @param payload          what runs
 * @param inputs           the input files; the payload finds them listed in {@link JobSpecs#INPUT_LIST}
 *                         in its working directory
 * @param outputs          what the job must produce and where the wrapper publishes it
 * @param files            logs and manifest
 */
public record JobSpec(JobKey key, String batchToken, String rerunToken, OutputNamespace namespace,
                      int requestMemoryMib, int requestCpus, int requestDiskMib, int priority, String batchName,
                      Optional<String> accountingGroup, Payload payload, List<String> inputs,
                      List<JobOutput> outputs, JobFiles files) {

    public JobSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(accountingGroup, "accountingGroup");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(files, "files");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        requireWord("batch token", batchToken, false);
        requireWord("rerun token", rerunToken, true);
        requireWord("batch name", batchName, false);
        accountingGroup.ifPresent(g -> requireWord("accounting group", g, false));
        if (requestMemoryMib < 1 || requestCpus < 1 || requestDiskMib < 0) {
            throw new IllegalArgumentException(key + ": memory " + requestMemoryMib + " MiB, cpus " + requestCpus
                    + ", disk " + requestDiskMib + " MiB: requests must be positive");
        }
        inputs.forEach(Payload::checkSubmittable);
    }

    private static void requireWord(String what, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, what);
        // the validator refuses spec values with the same rule, so this only catches the operator's own bugs
        if (!(mayBeEmpty && value.isEmpty()) && !CharacterRules.isSubmitWord(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' must be " + CharacterRules.SUBMIT_WORD_CHARACTERS);
        }
    }

    public String production() {
        return key.production();
    }

    /** The same job asking for a different amount of memory (a resubmission up the ladder). */
    public JobSpec withRequestMemory(int mib) {
        return new JobSpec(key, batchToken, rerunToken, namespace, mib, requestCpus, requestDiskMib, priority, batchName,
                accountingGroup, payload, inputs, outputs, files);
    }
}
