package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
 *                         in its working directory; in sphenixprod's convention in
 *                         {@value JobFiles#SHIPPED_INPUT_LIST}, each as {@code <path>} or, for raw DAQ
 *                         files, {@code <path> <daqhost>}
 * @param outputs          what the job must produce and where the wrapper publishes it
 * @param files            logs and manifest
 * @param contract         how the script is called
 * @param environment      variables the script gets besides the allowed part of the batch system's
 *                         ({@value SphenixprodCall#SCRIPT_PATH}); only names {@link ChildEnvironment#JOBS} passes
 * @param options          what the rule asks of the batch system beyond the requests above
 */
public record JobSpec(JobKey key, String batchToken, String rerunToken, OutputNamespace namespace,
                      int requestMemoryMib, int requestCpus, int requestDiskMib, int priority, String batchName,
                      Optional<String> accountingGroup, Payload payload, List<String> inputs,
                      List<JobOutput> outputs, JobFiles files, JobContract contract, Map<String, String> environment,
                      SubmitOptions options) {

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
        Objects.requireNonNull(contract, "contract");
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        environment.forEach(JobSpec::requireVariable);
        Objects.requireNonNull(options, "options");
        if (contract == JobContract.SPHENIXPROD && !environment.containsKey(SphenixprodCall.SCRIPT_PATH)) {
            throw new IllegalArgumentException(key + ": a job in sphenixprod's convention needs "
                    + SphenixprodCall.SCRIPT_PATH + ", the directory its run script sources the helpers from");
        }
        if (contract == JobContract.SPHENIXPROD) {
            inputs.forEach(input -> {
                if (!SHIPPED_INPUT.matcher(input).matches()) {
                    throw new IllegalArgumentException(key + ": input '" + input + "' is not '<path>' or '<path> <daqhost>'");
                }
            });
        }
    }

    private static final Pattern SHIPPED_INPUT = Pattern.compile("/[^\\s#]\\S*( [A-Za-z0-9_:.-]+)?");

    /** A job in the operator's calling convention, with nothing asked of the batch system beyond its requests. */
    public JobSpec(JobKey key, String batchToken, String rerunToken, OutputNamespace namespace, int requestMemoryMib,
                   int requestCpus, int requestDiskMib, int priority, String batchName, Optional<String> accountingGroup,
                   Payload payload, List<String> inputs, List<JobOutput> outputs, JobFiles files) {
        this(key, batchToken, rerunToken, namespace, requestMemoryMib, requestCpus, requestDiskMib, priority, batchName,
                accountingGroup, payload, inputs, outputs, files, JobContract.OPERATOR, Map.of(), SubmitOptions.NONE);
    }

    /**
     * An environment variable travels in the submit language's {@code environment = "NAME=value ..."}:
     * white space and quotes would need quoting there, so they are refused rather than quoted.
     */
    private static void requireVariable(String name, String value) {
        if (!ChildEnvironment.JOBS.allows(name)) {
            throw new IllegalArgumentException("a job's environment may only set what the job allow-list passes, not "
                    + name);
        }
        Payload.checkSubmittable(value);
        if (value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
            throw new IllegalArgumentException(name + "='" + value + "': a job's environment value is one word without"
                    + " quotes or backslashes");
        }
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
                accountingGroup, payload, inputs, outputs, files, contract, environment, options);
    }
}
