package gov.bnl.sphenix.production.batch.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.batch.ChildEnvironment;
import gov.bnl.sphenix.production.batch.JobOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker node needs for the wrapper script, and what it keeps from the payload. */
class WrapperScriptTest {

    /** Everything the wrapper runs besides the shell's built-ins: coreutils only. */
    private static final List<String> COREUTILS = List.of("cat", "date", "dirname", "head", "md5sum", "mkdir",
            "mktemp", "mv", "rm", "tail", "tee", "wc");

    @TempDir
    Path dir;

    private Process start(WrapperLaunch launch, WrapperRequest request, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command(request.toArguments())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("wrapper.out").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private int run(WrapperLaunch launch, WrapperRequest request, Map<String, String> environment) throws Exception {
        Process process = start(launch, request, environment);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the wrapper ends").isTrue();
        return process.exitValue();
    }

    private Path payload(String name, String body) throws IOException {
        Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private WrapperRequest request(Path script, List<String> arguments, List<JobOutput> outputs) {
        return new WrapperRequest("calo/67962/4", "8.1", dir.resolve("log/job.manifest.json"), Optional.empty(),
                Optional.of(dir.resolve("staging")), outputs, script, arguments);
    }

    @Test
    void aWorkerWithAShellAndCoreutilsButNoJavaRunsAJob() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : COREUTILS) {
            Files.copy(Path.of("/usr/bin", tool).toRealPath(), bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path script = payload("run.sh", "printf 'a DST\\n' > DST.root && printf 'nevents=7\\n' > DST.root.events");
        WrapperLaunch launch = WrapperLaunch.installedIn(dir.resolve("shared"));

        int exit = run(launch, request(script, List.of(), List.of(new JobOutput("DST.root", dir.resolve("dst/DST.root")))),
                Map.of("PATH", bin.toString()));

        assertThat(exit).isZero();
        assertThat(dir.resolve("dst/DST.root")).hasContent("a DST");
        Manifest manifest = Manifest.read(dir.resolve("log/job.manifest.json"));
        assertThat(manifest.outputs()).singleElement().satisfies(out -> {
            assertThat(out.checksum()).isEqualTo(md5Hex("a DST\n"));
            assertThat(out.nevents()).isEqualTo(7L);
        });
    }

    /** The script keeps the allow-list of {@link ChildEnvironment#JOBS}, which the local executor applies too. */
    @Test
    void thePayloadGetsTheEnvironmentTheJobsAllowListKeepsAndItsJobKey() throws Exception {
        Path script = payload("env.sh", "env > " + dir.resolve("env.txt"));
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "PRODOP_CATALOG_PASSWORD", "s3cret",
                "PGPASSWORD", "s3cret", "_CONDOR_JOB_AD", "/scratch/.job.ad", "OMP_NUM_THREADS", "1", "LC_ALL", "C.UTF-8",
                "SPHENIXPROD_SCRIPT_PATH", "/helpers", "FAKE_JOB_EXIT", "0", "KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        environment.putAll(Map.of("HOME", "/home/sphnxpro", "TMPDIR", dir.toString(), "HOSTNAME", "worker0042",
                "ROOT_STANDIN_EVENTS", "5", "LD_PRELOAD", "/tmp/evil.so"));

        assertThat(run(WrapperLaunch.privateCopy(), request(script, List.of(), List.of()), environment)).isZero();

        Map<String, String> seen = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("env.txt"))) {
            int eq = line.indexOf('=');
            seen.put(line.substring(0, eq), line.substring(eq + 1));
        }
        // what any shell adds by itself to what it passes on
        seen.keySet().removeAll(Set.of("PWD", "OLDPWD", "SHLVL", "_"));
        Map<String, String> expected = new HashMap<>(ChildEnvironment.JOBS.of(environment));
        expected.put("PRODOP_JOB_KEY", "calo/67962/4");
        assertThat(seen).isEqualTo(expected).doesNotContainKeys("PGPASSWORD", "PRODOP_CATALOG_PASSWORD", "LD_PRELOAD");
    }

    @Test
    void namesAndArgumentsWithQuotesBackslashesAndNewlinesComeBackFromTheManifestAsTheyWere() throws Exception {
        Path script = payload("quiet.sh", "exit 0");
        List<String> arguments = List.of("with space", "quote\"d", "back\\slash", "two\nlines", "tab\there", "ünïcode", "");

        assertThat(run(WrapperLaunch.privateCopy(), request(script, arguments, List.of()), Map.of("PATH", "/usr/bin:/bin")))
                .isZero();

        assertThat(Manifest.read(dir.resolve("log/job.manifest.json")).arguments()).isEqualTo(arguments);
    }

    /** EL9 workers' /bin/sh is bash in POSIX mode, Debian's is dash: the same job either way. */
    @Test
    void bashAsTheWorkersShellRunsTheSameJob() throws Exception {
        Path script = payload("run.sh", "printf 'x' > DST.root && printf 'nevents=3\\n' > DST.root.events");
        List<String> arguments = List.of("quote\"d", "two\nlines", "back\\slash");
        WrapperLaunch launch = WrapperLaunch.privateCopy();
        List<String> wrapped = launch.command(request(script, arguments,
                List.of(new JobOutput("DST.root", dir.resolve("dst/DST.root")))).toArguments());
        List<String> command = new ArrayList<>(List.of("/bin/bash", "--posix"));
        command.addAll(wrapped.subList(1, wrapped.size()));  // the same command, bash in /bin/sh's place
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("wrapper.out").toFile())).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        Manifest manifest = Manifest.read(dir.resolve("log/job.manifest.json"));
        assertThat(manifest.arguments()).isEqualTo(arguments);
        assertThat(manifest.outputs()).singleElement().satisfies(out -> {
            assertThat(out.checksum()).isEqualTo(md5Hex("x"));
            assertThat(out.nevents()).isEqualTo(3L);
        });
    }

    @Test
    void aStoppedWrapperTakesThePayloadAndWhatItStartedWithIt() throws Exception {
        Path pids = dir.resolve("pids");
        Path script = payload("long.sh", "sleep 300 & echo $! > " + pids + ".partial; mv " + pids + ".partial " + pids
                + "; wait");
        Process wrapper = start(WrapperLaunch.privateCopy(), request(script, List.of(), List.of()),
                Map.of("PATH", "/usr/bin:/bin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pids));
        long sleeper = Long.parseLong(Files.readString(pids).strip());

        wrapper.destroy();  // SIGTERM, as the batch system sends it

        assertThat(wrapper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrapper.exitValue()).isEqualTo(143);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(sleeper).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void installingIsWriteOnceByContentAndRepairsAChangedCopy() throws IOException {
        WrapperLaunch launch = WrapperLaunch.in(dir.resolve("shared"));
        assertThat(launch.script()).doesNotExist();

        launch.install();
        Path script = launch.script();
        assertThat(script.getFileName().toString()).matches("prodop-job-[0-9a-f]{12}\\.sh");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.size(script)).as("small enough to read at a glance").isLessThan(32 * 1024);

        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        launch.install();
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\n# The job wrapper");
        assertThat(launch.command(List.of("--job-key", "k"))).containsExactly("/bin/sh", script.toString(), "--job-key", "k");
    }

    private static String md5Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
