package gov.bnl.sphenix.production.batch.condor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTCondor command-line tools, as an operator runs them by hand, behind the configured
 * command prefix (nothing, a path, or a wrapper that enters another root or host) and with the
 * configured time limit on every call.
 */
final class CondorCli {

    private static final Logger log = LoggerFactory.getLogger(CondorCli.class);

    private final CondorSettings settings;
    private final CommandRunner runner = new CommandRunner();
    /** Invocations by tool, so that what a pass costs the schedd can be counted. */
    private final Map<String, LongAdder> invocations = new ConcurrentHashMap<>();

    CondorCli(CondorSettings settings) {
        this.settings = settings;
    }

    CommandResult run(CondorCommands.Command command) {
        return run(command, null);
    }

    CommandResult run(CondorCommands.Command command, String stdin) {
        List<String> words = new ArrayList<>(settings.commandPrefix());
        words.add(settings.toolDirectory().map(d -> d + "/" + command.tool()).orElse(command.tool()));
        words.addAll(command.arguments());
        invocations.computeIfAbsent(command.tool(), t -> new LongAdder()).increment();
        CommandResult result = runner.run(words, stdin, settings.commandTimeout());
        // failures are logged by the caller, which knows whether one matters (no match is not an error)
        log.debug("{} exited with {} after {} ms", command.tool(), result.exitCode(), result.elapsed().toMillis());
        return result;
    }

    /** How many times {@code tool} was run so far. */
    long invocations(String tool) {
        LongAdder count = invocations.get(tool);
        return count == null ? 0 : count.sum();
    }
}
