package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param scheddName     the schedd to talk to ({@code -name} on every tool), when not the local one
 * @param pool           the central manager that knows the schedd ({@code -pool} on every tool), when not the
 *                       tools' own {@code COLLECTOR_HOST}
 * @param submitUser     the user our jobs belong to ({@code Owner}); empty: the user the schedd
 *                       sees the tools as (asked once with {@code condor_ping}). Jobs of any other
 *                       owner are never read, changed or removed, even when they carry our attributes.
 */
public record CondorSettings(List<String> commandPrefix, Optional<String> toolDirectory, Duration commandTimeout,
                             WrapperLaunch wrapper, JobPolicy policy, Optional<String> scheddName,
                             Optional<String> submitUser, Optional<String> pool) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SCHEDD = Pattern.compile("[A-Za-z0-9_.@-]+");
    private static final Pattern POOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*(:[0-9]{1,5})?");

    public CondorSettings {
        commandPrefix = List.copyOf(commandPrefix);
        Objects.requireNonNull(toolDirectory, "toolDirectory");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(wrapper, "wrapper");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(scheddName, "scheddName");
        Objects.requireNonNull(submitUser, "submitUser");
        Objects.requireNonNull(pool, "pool");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive");
        }
        scheddName.filter(name -> !SCHEDD.matcher(name).matches()).ifPresent(name -> {
            throw new IllegalArgumentException("the schedd name '" + name
                    + "' is not a schedd name (letters, digits, '.', '-', '_', '@'), e.g. schedd@submit01.example.org");
        });
        pool.filter(host -> !POOL.matcher(host).matches()).ifPresent(host -> {
            throw new IllegalArgumentException("the pool '" + host
                    + "' is not a central manager's host name with an optional port, e.g. collector.example.org:9618");
        });
        submitUser.filter(user -> !SubmitUser.NAME.matcher(user).matches()).ifPresent(user -> {
            throw new IllegalArgumentException("the submit user '" + user
                    + "' is not a user name (letters, digits, '.', '-', '_')");
        });
    }

    /** The local schedd, and the user it sees the tools as. */
    public CondorSettings(List<String> commandPrefix, Optional<String> toolDirectory, Duration commandTimeout,
                          WrapperLaunch wrapper, JobPolicy policy) {
        this(commandPrefix, toolDirectory, commandTimeout, wrapper, policy, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Tools on the PATH, default time limit and policy. */
    public static CondorSettings of(List<String> commandPrefix, WrapperLaunch wrapper) {
        return new CondorSettings(commandPrefix, Optional.empty(), DEFAULT_TIMEOUT, wrapper, JobPolicy.DEFAULT);
    }

    public CondorSettings withTimeout(Duration timeout) {
        return new CondorSettings(commandPrefix, toolDirectory, timeout, wrapper, policy, scheddName, submitUser, pool);
    }

    public CondorSettings withPolicy(JobPolicy newPolicy) {
        return new CondorSettings(commandPrefix, toolDirectory, commandTimeout, wrapper, newPolicy, scheddName, submitUser,
                pool);
    }

    /** Every tool talks to the schedd of this name ({@code -name}). */
    public CondorSettings withScheddName(String name) {
        return new CondorSettings(commandPrefix, toolDirectory, commandTimeout, wrapper, policy, Optional.of(name),
                submitUser, pool);
    }

    /** Every tool asks the central manager {@code host} for the schedd ({@code -pool}). */
    public CondorSettings withPool(String host) {
        return new CondorSettings(commandPrefix, toolDirectory, commandTimeout, wrapper, policy, scheddName, submitUser,
                Optional.of(host));
    }

    /** The schedd's name as its jobs' ids carry it; empty for the tools' default schedd. */
    public String scheddLabel() {
        return scheddName.orElse("");
    }

    /** Our jobs are those of this owner, whoever the schedd sees the tools as. */
    public CondorSettings withSubmitUser(String user) {
        return new CondorSettings(commandPrefix, toolDirectory, commandTimeout, wrapper, policy, scheddName,
                Optional.of(user), pool);
    }
}
