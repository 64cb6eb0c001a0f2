package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorClientFiles;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return open(kind, condorSettings(LocalPool.commandPrefix(), Optional.empty()));
    }

    /** As {@link #open(String)}, with the HTCondor settings to use when {@code kind} is {@code condor}. */
    public static BatchSystem open(String kind, CondorSettings condor) {
        return open(kind, condor, JobDirectories.fromEnvironment(System.getenv()));
    }

    /** As {@link #open(String)}, with the way job log directories are made. */
    public static BatchSystem open(String kind, JobDirectories directories) {
        return open(kind, condorSettings(LocalPool.commandPrefix(), Optional.empty()), directories);
    }

    /**
     * @param condor      the HTCondor settings to use when {@code kind} is {@code condor}
     * @param directories how job log directories are made: the umask, or the mode of
     *                    {@value JobDirectories#MODE_VARIABLE}; a test pool whose jobs run as an
     *                    unrelated user asks for {@link JobDirectories#worldWritable()} itself
     */
    public static BatchSystem open(String kind, CondorSettings condor, JobDirectories directories) {
        return switch (kind) {
            case "local" -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2), directories);
            case "condor" -> condor(condor, directories);
            default -> throw new IllegalArgumentException("the batch system is local or condor, not '" + kind + "'");
        };
    }

    /**
     * As {@link #open(String, CondorSettings)} over several schedds when {@code kind} is
     * {@code condor} and more than one is given: each is reached with its own settings (which name
     * it), productions go where {@code assignment} says or are spread by load ({@link Schedds}).
     * Every schedd must answer at the start.
     */
    public static BatchSystem open(String kind, List<CondorSettings> schedds, ScheddAssignment assignment) {
        if (schedds.isEmpty()) {
            throw new IllegalArgumentException("no schedd given");
        }
        assignment.requireKnown(schedds.stream().map(CondorSettings::scheddLabel).toList());
        if (!kind.equals("condor") || schedds.size() == 1) {
            return open(kind, schedds.get(0));
        }
        JobDirectories directories = JobDirectories.fromEnvironment(System.getenv());
        List<Schedds.Member> members = new ArrayList<>();
        try {
            for (CondorSettings schedd : schedds) {
                if (schedd.scheddName().isEmpty()) {
                    throw new IllegalArgumentException("each of several schedds needs its name (-name)");
                }
                members.add(new Schedds.Member(schedd.scheddLabel(), condor(schedd, directories)));
            }
        } catch (RuntimeException e) {
            members.forEach(m -> m.batch().close());
            throw e;
        }
        return new Schedds(members, assignment);
    }

    /**
     * The settings of each schedd named on a command line (the tools' default schedd when none is),
     * each with the pool and the submit user given there.
     */
    public static List<CondorSettings> condorSchedds(List<String> schedds, Optional<String> pool,
                                                     Optional<String> submitUser) {
        List<Optional<String>> names = schedds.isEmpty() ? List.of(Optional.empty())
                : schedds.stream().map(Optional::of).toList();
        return names.stream().map(name -> {
            CondorSettings settings = condorSettings(LocalPool.commandPrefix(), name);
            settings = pool.map(settings::withPool).orElse(settings);
            return submitUser.map(settings::withSubmitUser).orElse(settings);
        }).toList();
    }

    /**
     * The HTCondor settings for tools behind {@code commandPrefix} talking to the schedd
     * {@code scheddName} (every tool gets {@code -name}; its format is checked there); no schedd
     * name: the tools' own default.
     */
    public static CondorSettings condorSettings(List<String> commandPrefix, Optional<String> scheddName) {
        CondorSettings settings = new CondorSettings(commandPrefix, Optional.empty(), Duration.ofSeconds(120),
                wrapperOnWorkers(System.getenv()), JobPolicy.DEFAULT);
        return scheddName.filter(n -> !n.isBlank()).map(settings::withScheddName).orElse(settings);
    }

    private static BatchSystem condor(CondorSettings settings, JobDirectories directories) {
        CondorBatchSystem condor = new CondorBatchSystem(settings, directories);
        if (!condor.health().reachable()) {
            String detail = condor.health().detail();
            condor.close();
            // tools on this machine: say what their configuration and tokens lack, as they would not
            List<String> files = settings.commandPrefix().isEmpty() ? CondorClientFiles.ofThisProcess().problems() : List.of();
            throw new IllegalStateException("no HTCondor pool answers" + settings.scheddName().map(n -> " for schedd " + n)
                    .orElse("") + " (" + detail + ")"
                    + (files.isEmpty() ? "" : "; " + String.join("; ", files))
                    + "; start one with scripts/minicondor.sh up, or use --batch local");
        }
        return condor;
    }

    /**
     * Where the workers find the job wrapper script: {@code wrapper/} of the payload shelf
     * ({@code PRODOP_PAYLOAD_ROOT}, a file system the workers mount), else the shared directory of
     * the personal pool, else a directory of this machine (tools on the PATH of one machine). It is
     * written there on the first submission.
     */
    static WrapperLaunch wrapperOnWorkers(Map<String, String> environment) {
        String payloadRoot = environment.get("PRODOP_PAYLOAD_ROOT");
        if (payloadRoot != null && !payloadRoot.isBlank()) {
            return WrapperLaunch.in(Path.of(payloadRoot.strip(), "wrapper"));
        }
        return LocalPool.workerDirectory().map(WrapperLaunch::in).orElseGet(WrapperLaunch::privateCopy);
    }
}
