package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The batch systems a command can run on, by the name given on the command line. */
public final class BatchSystems {

    /** What a schedd is called: a host, or name@host; nothing a shell behind a prefix could read as more. */
    private static final Pattern SCHEDD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private BatchSystems() {
    }

    /**
     * {@code local}: jobs run on this machine, two at a time. {@code condor}: the HTCondor pool the
     * tools reach (through {@code CONDOR_COMMAND_PREFIX} or the pool of {@code scripts/minicondor.sh}).
     */
    public static BatchSystem open(String kind) {
        return open(kind, condorSettings(LocalPool.commandPrefix(), Optional.empty()));
    }

    /** As {@link #open(String)}, with the HTCondor settings to use when {@code kind} is {@code condor}. */
    public static BatchSystem open(String kind, CondorSettings condor) {
        return switch (kind) {
            case "local" -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2));
            case "condor" -> condor(condor);
            default -> throw new IllegalArgumentException("the batch system is local or condor, not '" + kind + "'");
        };
    }

    /**
     * The HTCondor settings for tools behind {@code commandPrefix} talking to the schedd
     * {@code scheddName} (handed to every tool as {@code _CONDOR_SCHEDD_HOST}, after the prefix, so
     * it holds on the submit host a prefix may log in to); no schedd name: the tools' own default.
     */
    public static CondorSettings condorSettings(List<String> commandPrefix, Optional<String> scheddName) {
        List<String> prefix = new ArrayList<>(commandPrefix);
        scheddName.filter(n -> !n.isBlank()).ifPresent(name -> {
            if (!SCHEDD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("schedd name '" + name + "' is not a host or name@host");
            }
            prefix.addAll(List.of("env", "_CONDOR_SCHEDD_HOST=" + name));
        });
        return new CondorSettings(prefix, Optional.empty(), Duration.ofSeconds(120),
                WrapperLaunch.jar(javaOnWorkers(), LocalPool.workerClasspath()), JobPolicy.DEFAULT);
    }

    private static BatchSystem condor(CondorSettings settings) {
        CondorBatchSystem condor = new CondorBatchSystem(settings, JobDirectories.worldWritable());
        if (!condor.health().reachable()) {
            String detail = condor.health().detail();
            condor.close();
            throw new IllegalStateException("no HTCondor pool answers (" + detail
                    + "); start one with scripts/minicondor.sh up, or use --batch local");
        }
        return condor;
    }

    private static String javaOnWorkers() {
        return System.getenv().getOrDefault("PRODOP_WORKER_JAVA", "/usr/bin/java");
    }
}
