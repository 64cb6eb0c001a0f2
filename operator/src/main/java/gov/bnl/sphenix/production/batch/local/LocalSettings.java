package gov.bnl.sphenix.production.batch.local;

import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The local executor's knobs.
 *
 * @param maxRunning   jobs running at once
 * @param pollInterval how often running jobs are checked (exit, memory, run time) and queued ones started
 * @param wrapper      how a job's wrapper is started (by default a private copy of the wrapper script)
 * @param policy       the same holds HTCondor jobs carry
 * @param clock        for queue, start and state times
 */
public record LocalSettings(int maxRunning, Duration pollInterval, WrapperLaunch wrapper, JobPolicy policy, Clock clock) {

    public LocalSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(wrapper, "wrapper");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        if (maxRunning < 1) {
            throw new IllegalArgumentException("at least one job must be able to run, got maxRunning " + maxRunning);
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("a poll interval under 10 ms would only burn a core: " + pollInterval);
        }
    }

    /** One job per core, checked four times a second, the wrapper script in a directory of our own. */
    public static LocalSettings defaults() {
        return new LocalSettings(Runtime.getRuntime().availableProcessors(), Duration.ofMillis(250),
                WrapperLaunch.privateCopy(), JobPolicy.DEFAULT, Clock.systemUTC());
    }

    public LocalSettings withMaxRunning(int n) {
        return new LocalSettings(n, pollInterval, wrapper, policy, clock);
    }

    public LocalSettings withPolicy(JobPolicy newPolicy) {
        return new LocalSettings(maxRunning, pollInterval, wrapper, newPolicy, clock);
    }

    public LocalSettings withWrapper(WrapperLaunch newWrapper) {
        return new LocalSettings(maxRunning, pollInterval, newWrapper, policy, clock);
    }
}
