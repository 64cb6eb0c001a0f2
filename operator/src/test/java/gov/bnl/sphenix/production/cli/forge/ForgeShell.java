package gov.bnl.sphenix.production.cli.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CI script with bash the way a forge's runner does: in the checkout, with the forge's
 * variables and nothing of this JVM's environment that could change the outcome (no catalog
 * settings), and {@code prodctl} on PATH: a wrapper around this JVM's classes, so the scripts run
 * the code under test.
 */
public final class ForgeShell {

    private static final String MAIN_CLASS = "gov.bnl.sphenix.production.cli.Prodctl";

    /** What a script did. */
    public record Result(int exitCode, String out, String err) {
        public String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path checkout;
    private final Path bin;

    private ForgeShell(Path checkout, Path bin) {
        this.checkout = checkout;
        this.bin = bin;
    }

    /** A shell working in {@code checkout}, its {@code prodctl} written to {@code scratch}. */
    public static ForgeShell in(Path checkout, Path scratch) {
        Path bin = scratch.resolve("bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        executable(bin.resolve("prodctl"), "#!/bin/sh\nexec " + quoted(java) + " -XX:TieredStopAtLevel=1 -cp "
                + quoted(System.getProperty("java.class.path")) + " " + MAIN_CLASS + " \"$@\"\n");
        return new ForgeShell(checkout, bin);
    }

    /**
     * Runs {@code script} with {@code bash --noprofile --norc -eo pipefail}, what both forges use;
     * {@code standIns}, when given, comes first on PATH (for the steps that talk to the forge).
     */
    public Result run(String script, Map<String, String> variables, Optional<Path> standIns) {
        try {
            Path file = Files.createTempFile(bin.getParent(), "step-", ".sh");
            Files.writeString(file, script);
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                    .directory(checkout.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PRODOP_") || name.startsWith("GITHUB_")
                    || name.startsWith("CI_") || name.startsWith("GITLAB_") || name.equals("CI"));
            environment.putAll(variables);
            environment.put("PATH", standIns.map(p -> p + ":").orElse("") + bin + ":" + System.getenv("PATH"));
            Path out = Files.createTempFile(bin.getParent(), "out-", ".txt");
            Path err = Files.createTempFile(bin.getParent(), "err-", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the script did not end within 5 minutes:\n" + script);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void executable(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
