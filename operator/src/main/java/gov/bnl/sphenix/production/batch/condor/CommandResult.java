package gov.bnl.sphenix.production.batch.condor;

import java.time.Duration;
import java.util.List;

/** What a command-line tool did: exit code (-1 when it timed out), output, time taken. */
record CommandResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed,
                     boolean timedOut) {

    boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** One line for logs and exception messages: which tool, how it ended, the first line of stderr. */
    String describe() {
        String tool = command.stream().filter(w -> w.startsWith("condor_")).findFirst().orElse(String.join(" ", command));
        if (timedOut) {
            return tool + " did not answer within " + elapsed.toMillis() + " ms";
        }
        String why = stderr.isBlank() ? stdout.strip() : stderr.strip();
        int newline = why.indexOf('\n');
        return tool + " exited with " + exitCode + (why.isEmpty() ? "" : ": " + (newline < 0 ? why : why.substring(0, newline)));
    }
}
