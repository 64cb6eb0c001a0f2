package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Duration;
import java.util.Optional;

/** The batch systems a command can run on, by the name given on the command line. */
public final class BatchSystems {

    private BatchSystems() {
    }

    /**
     * {@code local}: jobs run on this machine, two at a time. {@code condor}: the HTCondor pool the
     * tools reach (through {@code CONDOR_COMMAND_PREFIX} or the pool of {@code scripts/minicondor.sh}).
     */
    public static BatchSystem open(String kind) {
        return open(kind, JobDirectories.fromEnvironment(System.getenv()));
    }

    /**
     * @param directories how job log directories are made: the umask, or the mode of
     *                    {@value JobDirectories#MODE_VARIABLE}; a test pool whose jobs run as an
     *                    unrelated user asks for {@link JobDirectories#worldWritable()} itself
     */
    public static BatchSystem open(String kind, JobDirectories directories) {
        return switch (kind) {
            case "local" -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2), directories);
            case "condor" -> condor(directories);
            default -> throw new IllegalArgumentException("the batch system is local or condor, not '" + kind + "'");
        };
    }

    private static BatchSystem condor(JobDirectories directories) {
        CondorSettings settings = new CondorSettings(LocalPool.commandPrefix(), Optional.empty(), Duration.ofSeconds(120),
                WrapperLaunch.jar(javaOnWorkers(), LocalPool.workerClasspath()), JobPolicy.DEFAULT);
        CondorBatchSystem condor = new CondorBatchSystem(settings, directories);
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
