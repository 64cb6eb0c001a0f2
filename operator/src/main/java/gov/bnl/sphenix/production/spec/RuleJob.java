package gov.bnl.sphenix.production.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code job} block of a rule: what runs on the worker node and what it asks of the batch
 * system. Templates ({@code batchName}, {@code logTemplate}) keep their {@code {placeholders}}
 * until a job is built.
 *
 * @param nevents  the most events a job processes, 0 for all: a cap for test passes
 * @param contract how the script is called and its outputs come back
 */
public record RuleJob(String script, List<String> payload, int neventsper, MemoryLadder memory,
                      int requestCpus, int requestXferslots, int priority, Optional<String> batchName,
                      Optional<String> logTemplate, Map<String, String> filesystem,
                      Optional<String> periodicRemove, Optional<String> accountingGroup,
                      Optional<String> accountingGroupUser, SubmitExtras extras, int nevents, JobContract contract) {

    public RuleJob {
        Objects.requireNonNull(script, "script");
        payload = List.copyOf(payload);
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(batchName, "batchName");
        Objects.requireNonNull(logTemplate, "logTemplate");
        filesystem = Map.copyOf(filesystem);
        Objects.requireNonNull(periodicRemove, "periodicRemove");
        Objects.requireNonNull(accountingGroup, "accountingGroup");
        Objects.requireNonNull(accountingGroupUser, "accountingGroupUser");
        Objects.requireNonNull(extras, "extras");
        if (nevents < 0) {
            throw new IllegalArgumentException("nevents is 0 (all) or a positive cap, not " + nevents);
        }
        Objects.requireNonNull(contract, "contract");
    }

    /** The operator's own contract, every event. */
    public RuleJob(String script, List<String> payload, int neventsper, MemoryLadder memory, int requestCpus,
                   int requestXferslots, int priority, Optional<String> batchName, Optional<String> logTemplate,
                   Map<String, String> filesystem, Optional<String> periodicRemove, Optional<String> accountingGroup,
                   Optional<String> accountingGroupUser, SubmitExtras extras) {
        this(script, payload, neventsper, memory, requestCpus, requestXferslots, priority, batchName, logTemplate,
                filesystem, periodicRemove, accountingGroup, accountingGroupUser, extras, 0, JobContract.OPERATOR);
    }

    /** The same job block in another contract. */
    public RuleJob withContract(JobContract newContract) {
        return new RuleJob(script, payload, neventsper, memory, requestCpus, requestXferslots, priority, batchName,
                logTemplate, filesystem, periodicRemove, accountingGroup, accountingGroupUser, extras, nevents, newContract);
    }

    /**
     * The script among a payload's files, looked up as sphenixprod does: the first file of that
     * name (or of that path ending), in the order the payload globs take them.
     */
    public static Optional<String> scriptAmong(String script, List<String> payloadFiles) {
        return payloadFiles.stream().filter(f -> f.equals(script) || f.endsWith("/" + script)).findFirst();
    }

    /** A job block without the submit settings that sphenixprod passes through verbatim. */
    public RuleJob(String script, List<String> payload, int neventsper, MemoryLadder memory, int requestCpus,
                   int requestXferslots, int priority, Optional<String> batchName, Optional<String> logTemplate,
                   Map<String, String> filesystem, Optional<String> periodicRemove, Optional<String> accountingGroup,
                   Optional<String> accountingGroupUser) {
        this(script, payload, neventsper, memory, requestCpus, requestXferslots, priority, batchName, logTemplate,
                filesystem, periodicRemove, accountingGroup, accountingGroupUser, SubmitExtras.NONE);
    }
}
