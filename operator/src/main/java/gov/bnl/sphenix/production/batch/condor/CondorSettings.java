package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach HTCondor and what every job gets.
 *
 * @param commandPrefix  words put before every tool: empty when the tools are on the PATH, or a
 *                       wrapper that enters another root or host (e.g. {@code in-pool}, which
 *                       {@code scripts/minicondor.sh} writes)
 * @param toolDirectory  where the tools are, when not on the PATH (inside the prefix's world)
 * @param commandTimeout the limit on every call; a tool that does not answer in time counts as
 *                       "unknown", never as "no jobs"
 * @param wrapper        how a worker starts the job wrapper
 * @param policy         the holds every job carries
 */
public record CondorSettings(List<String> commandPrefix, Optional<String> toolDirectory, Duration commandTimeout,
                             WrapperLaunch wrapper, JobPolicy policy) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public CondorSettings {
        commandPrefix = List.copyOf(commandPrefix);
        Objects.requireNonNull(toolDirectory, "toolDirectory");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(wrapper, "wrapper");
        Objects.requireNonNull(policy, "policy");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive");
        }
    }

    /** Tools on the PATH, default time limit and policy. */
    public static CondorSettings of(List<String> commandPrefix, WrapperLaunch wrapper) {
        return new CondorSettings(commandPrefix, Optional.empty(), DEFAULT_TIMEOUT, wrapper, JobPolicy.DEFAULT);
    }

    public CondorSettings withTimeout(Duration timeout) {
        return new CondorSettings(commandPrefix, toolDirectory, timeout, wrapper, policy);
    }

    public CondorSettings withPolicy(JobPolicy newPolicy) {
        return new CondorSettings(commandPrefix, toolDirectory, commandTimeout, wrapper, newPolicy);
    }
}
