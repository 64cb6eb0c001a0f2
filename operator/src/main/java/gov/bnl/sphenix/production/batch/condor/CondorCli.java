package gov.bnl.sphenix.production.batch.condor;

import java.util.ArrayList;
import java.util.List;
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

    CondorCli(CondorSettings settings) {
        this.settings = settings;
    }

    CommandResult run(String tool, List<String> arguments) {
        return run(tool, arguments, null);
    }

    CommandResult run(String tool, List<String> arguments, String stdin) {
        List<String> command = new ArrayList<>(settings.commandPrefix());
        command.add(settings.toolDirectory().map(d -> d + "/" + tool).orElse(tool));
        command.addAll(arguments);
        CommandResult result = runner.run(command, stdin, settings.commandTimeout());
        // failures are logged by the caller, which knows whether one matters (no match is not an error)
        log.debug("{} exited with {} after {} ms", tool, result.exitCode(), result.elapsed().toMillis());
        return result;
    }
}
