package gov.bnl.sphenix.production.batch.condor;

import java.util.Optional;
import java.time.Duration;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.JobPolicy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one-machine pool {@code scripts/minicondor.sh up} starts. Tests tagged {@code condor} set up
 * only when {@link #available()} and call {@link #requireUp()} before each test: without a pool
 * they are skipped (and counted as skipped) with a loud message, unless {@code REQUIRE_CONDOR=1}
 * (CI), where a missing pool fails them.
 */
public final class MiniCondorPool {

    private MiniCondorPool() {
    }

    public static Path home() {
        return Path.of(System.getenv().getOrDefault("MINICONDOR_HOME", "/var/cache/minicondor"));
    }

    /** Runs the HTCondor tools inside the pool's root as its submit user. */
    public static Path inPool() {
        return home().resolve("bin/in-pool");
    }

    /** Bind-mounted at the same path inside the pool: job files must live here. */
    public static Path share() {
        return home().resolve("share");
    }

    /** The adapter's settings for this pool, its jobs running {@code wrapper} (installed on the first submission). */
    public static CondorSettings settings(WrapperLaunch wrapper) {
        return new CondorSettings(List.of(inPool().toString()), Optional.empty(), Duration.ofSeconds(30),
                wrapper, JobPolicy.DEFAULT);
    }

    /** The adapter's settings for this pool, the wrapper in the pool's shared directory. */
    public static CondorSettings settings() {
        return settings(WrapperLaunch.in(share().resolve("prodctl-lib")));
    }

    private static Boolean up;
    private static boolean told;

    /** Whether the pool answers; asked once per test run. */
    public static synchronized boolean isUp() {
        if (up == null) {
            up = Files.isExecutable(inPool()) && run(inPool().toString(), "condor_q", "-totals") == 0;
        }
        return up;
    }

    /**
     * For {@code @BeforeAll}: whether to set up for the pool. Without one this fails when
     * {@code REQUIRE_CONDOR=1}, else returns false and {@link #requireUp()} skips every test.
     */
    public static boolean available() {
        if (!isUp() && "1".equals(System.getenv("REQUIRE_CONDOR"))) {
            fail("REQUIRE_CONDOR=1 but " + missing());
        }
        return isUp();
    }

    /** For {@code @BeforeEach} (or a test): skips the test, loudly, when there is no pool. */
    public static void requireUp() {
        if (available()) {
            return;
        }
        synchronized (MiniCondorPool.class) {
            if (!told) {
                System.err.println("\n*** SKIPPED: " + missing() + " ***\n");
                told = true;
            }
        }
        Assumptions.abort(missing());
    }

    private static String missing() {
        return "NO HTCONDOR POOL: tests tagged 'condor' need one; start it with `scripts/minicondor.sh up`"
                + " (as root; MINICONDOR_HOME=" + home() + ")";
    }

    /** Runs a command inside the pool's root as root: stopping and starting daemons. */
    public static void admin(String... command) {
        List<String> words = new ArrayList<>(List.of(home().resolve("bin/pool-admin").toString()));
        words.addAll(List.of(command));
        int code = run(words.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    /**
     * The names of the pool's two schedds, the default one first: {@code scripts/minicondor.sh}
     * runs a second, {@code second@<host>}, as a facility has several submit hosts. A pool started
     * before the second schedd existed fails here with what to do.
     */
    public static List<String> scheddNames() {
        List<String> names = output(null, inPool().toString(), "condor_status", "-schedd", "-af", "Name").lines()
                .map(String::strip).filter(n -> !n.isEmpty()).sorted(Comparator.comparing((String n) -> n.startsWith("second@"))
                        .thenComparing(Comparator.naturalOrder())).toList();
        if (names.size() < 2 || names.get(0).startsWith("second@") || !names.get(1).startsWith("second@")) {
            fail("the test pool has the schedds " + names + ", not its default one and second@<host>; restart it with"
                    + " scripts/minicondor.sh down && scripts/minicondor.sh up");
        }
        return names.subList(0, 2);
    }

    /** A second unprivileged user inside the pool's root: the other people of a shared schedd. */
    public static final String OUTSIDER = "prodop-outsider";

    /**
     * Runs {@code condor_submit -terse -} of {@code description} as {@link #OUTSIDER} (made on first
     * use) and returns the cluster id: a job whose {@code Owner} is not the adapter's.
     */
    public static long submitAsOutsider(String description) {
        admin("sh", "-c", "id -u " + OUTSIDER + " >/dev/null 2>&1 || useradd --create-home --user-group " + OUTSIDER
                + " || id -u " + OUTSIDER + " >/dev/null");
        return submit(description, home().resolve("bin/pool-admin").toString(), "runuser", "-u", OUTSIDER, "--");
    }

    /** Runs {@code condor_submit -terse -} of {@code description} as the submit user; the cluster id. */
    public static long submitAsSubmitter(String description) {
        return submit(description, inPool().toString());
    }

    private static long submit(String description, String... prefix) {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(List.of("condor_submit", "-terse", "-"));
        String out = output(description, command.toArray(String[]::new));
        // -terse prints "7.0 - 7.0"
        return Long.parseLong(out.strip().split("\\.")[0]);
    }

    /** What {@code condor_q -allusers -json} says about the jobs matching {@code constraint}, read as root. */
    public static String adminQueue(String constraint, String attributes) {
        return output(null, home().resolve("bin/pool-admin").toString(), "condor_q", "-allusers", "-json",
                "-constraint", constraint, "-attributes", attributes);
    }

    private static String output(String stdin, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
