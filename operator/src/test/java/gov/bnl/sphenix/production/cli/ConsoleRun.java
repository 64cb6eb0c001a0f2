package gov.bnl.sphenix.production.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code prodctl} command line run in this JVM as a user runs it, with what it printed on stdout
 * and stderr: for the commands that tell their story on {@code System.out} (demo, try).
 */
record ConsoleRun(int exit, String out, String err) {

    static ConsoleRun of(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            exit = Prodctl.run(args);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        return new ConsoleRun(exit, captured.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    String lastLine() {
        List<String> lines = lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
