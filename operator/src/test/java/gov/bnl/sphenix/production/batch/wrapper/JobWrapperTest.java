package gov.bnl.sphenix.production.batch.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobOutput;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job wrapper running the fake sPHENIX payload, in this JVM and as its own process. */
class JobWrapperTest {

    private static final WrapperLaunch WRAPPER = WrapperLaunch.privateCopy();

    @TempDir
    Path dir;

    private WorkArea work;
    private Production production;
    private Map<String, String> environment;

    @BeforeEach
    void setUp() {
        work = WorkArea.in(dir.resolve("work"), false);
        production = BatchFixtures.production("wrapper");
        environment = new HashMap<>(System.getenv());
        environment.put("TMPDIR", dir.resolve("scratch").toString());
        dir.resolve("scratch").toFile().mkdirs();
    }

    private final Map<JobKey, InputSlice> inputs = new HashMap<>();

    private JobSpec prepared(int run, int segment) {
        JobSpec job = work.job(production, run, segment, 2048);
        inputs.putAll(JobDirectories.withUmask().prepare(List.of(job)));
        return job;
    }

    private WrapperRequest request(JobSpec job, String batchId) {
        return WrapperRequest.of(job, batchId, Optional.of(inputs.get(job.key())));
    }

    private int wrap(JobSpec job) throws IOException {
        return runWrapper(request(job, "5.3").toArguments());
    }

    /** The wrapper script as a worker runs it, with this test's environment; its exit code. */
    private int runWrapper(List<String> arguments) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(WRAPPER.command(arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("wrapper.out").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the wrapper ends").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return process.exitValue();
    }

    @Test
    void outputsArePublishedUnderTheirFinalNamesWithAManifest() throws Exception {
        JobSpec job = prepared(67962, 4);

        int exit = wrap(job);

        assertThat(exit).isZero();
        JobOutput dst = job.outputs().get(0);
        assertThat(dst.destination()).isRegularFile().hasSize(5000 * 16);
        assertThat(dst.destination().getFileName().toString())
                .isEqualTo("DST_CALO_run3auau_ana530_2025p008_v001-00067962-00004.root");
        assertThat(partialsUnder(work.root())).as("no .partial left behind").isEmpty();
        assertThat(Files.list(dir.resolve("scratch"))).as("staging directory removed").isEmpty();

        Manifest manifest = Manifest.read(job.files().manifest());
        assertThat(manifest.format()).isEqualTo(Manifest.FORMAT);
        assertThat(manifest.jobKey()).isEqualTo(job.key().toString());
        assertThat(manifest.batchId()).isEqualTo("5.3");
        assertThat(manifest.exitCode()).isZero();
        assertThat(manifest.problem()).isNull();
        assertThat(manifest.succeeded()).isTrue();
        assertThat(manifest.inputs()).isEqualTo(job.inputs());
        assertThat(manifest.script()).isEqualTo(job.payload().script().toString());
        assertThat(manifest.arguments()).isEqualTo(job.payload().arguments());
        assertThat(manifest.payloadMillis()).isNotNegative();
        assertThat(manifest.outputs()).hasSize(2);
        Manifest.Output out = manifest.outputs().get(0);
        assertThat(out.lfn()).isEqualTo(dst.lfn());
        assertThat(out.path()).isEqualTo(dst.destination().toString());
        assertThat(out.size()).isEqualTo(Files.size(dst.destination()));
        assertThat(out.checksumAlgorithm()).isEqualTo("md5");
        assertThat(out.checksum()).isEqualTo(md5(dst.destination()));
        assertThat(out.nevents()).as("two inputs of 2,500 events, 100,000 asked for").isEqualTo(5000L);
        assertThat(out.firstEvent()).isEqualTo(4 * 100_000L);
        assertThat(out.lastEvent()).isEqualTo(4 * 100_000L + 4999);
    }

    @Test
    void theManifestIsJsonThatOtherToolsCanRead() throws IOException {
        JobSpec job = prepared(67962, 0);
        wrap(job);

        String json = Files.readString(job.files().manifest());

        assertThat(json).contains("\"format\" : \"prodop-manifest/1\"", "\"checksumAlgorithm\" : \"md5\"",
                "\"nevents\" : 5000", "\"exitCode\" : 0");
    }

    @Test
    void aFailingPayloadPublishesNothingAndItsExitCodeIsTheWrappers() throws IOException {
        JobSpec job = prepared(67913, 1);

        int exit = wrap(job);

        assertThat(exit).isEqualTo(13);
        assertThat(job.outputs()).allSatisfy(o -> assertThat(o.destination()).doesNotExist());
        Manifest manifest = Manifest.read(job.files().manifest());
        assertThat(manifest.exitCode()).isEqualTo(13);
        assertThat(manifest.problem()).isEqualTo("payload exited with 13");
        assertThat(manifest.outputs()).isEmpty();
    }

    @Test
    void aMissingOutputFailsTheJobEvenWhenThePayloadSucceeded() throws IOException {
        JobSpec job = prepared(67962, 0);
        JobSpec expectsMore = new JobSpec(job.key(), job.batchToken(), job.rerunToken(), job.namespace(),
                job.requestMemoryMib(), job.requestCpus(), job.requestDiskMib(), job.priority(), job.batchName(),
                job.accountingGroup(), job.payload(), job.inputs(),
                List.of(job.outputs().get(0), new JobOutput("NEVER_WRITTEN.root", work.root().resolve("never.root"))),
                job.files());

        int exit = wrap(expectsMore);

        assertThat(exit).isEqualTo(JobWrapper.EXIT_OUTPUTS_FAILED);
        Manifest manifest = Manifest.read(job.files().manifest());
        assertThat(manifest.problem()).contains("NEVER_WRITTEN.root");
        assertThat(manifest.succeeded()).isFalse();
    }

    @Test
    void aStalePartialFromAnEarlierAttemptIsReplaced() throws IOException {
        JobSpec job = prepared(67962, 2);
        Path destination = job.outputs().get(0).destination();
        Files.createDirectories(destination.getParent());
        Path stale = destination.resolveSibling(destination.getFileName() + ".partial");
        Files.writeString(stale, "half a file from a job that was killed");

        assertThat(wrap(job)).isZero();

        assertThat(stale).doesNotExist();
        assertThat(destination).hasSize(5000 * 16);
    }

    @Test
    void aPublishThatFailsRemovesItsPartialAndIsAnInfrastructureExit() throws IOException {
        JobSpec job = prepared(67962, 3);
        Path destination = job.outputs().get(0).destination();
        // the rename into place fails after the copy was written, as when the file system fills up
        Files.createDirectories(destination.resolve("in-the-way"));

        int exit = wrap(job);

        assertThat(exit).isEqualTo(JobWrapper.EXIT_OUTPUTS_FAILED);
        assertThat(partialsUnder(work.root())).as("no .partial left behind").isEmpty();
        assertThat(Manifest.read(job.files().manifest()).problem()).startsWith("outputs not published");
    }

    @Test
    void aLinkPlantedAtAPartialNameIsNeverWrittenThrough() throws IOException {
        JobSpec job = prepared(67962, 5);
        Path destination = job.outputs().get(0).destination();
        Files.createDirectories(destination.getParent());
        Path victim = Files.writeString(dir.resolve("victim"), "someone else's file");
        Files.createSymbolicLink(destination.resolveSibling(destination.getFileName() + ".partial"), victim);
        Path manifest = job.files().manifest();
        Files.createSymbolicLink(manifest.resolveSibling(manifest.getFileName() + ".partial"), victim);

        assertThat(wrap(job)).isZero();

        assertThat(victim).hasContent("someone else's file");
        assertThat(destination).isRegularFile().hasSize(5000 * 16);
        assertThat(Files.isSymbolicLink(manifest)).isFalse();
        assertThat(Manifest.read(manifest).succeeded()).isTrue();
    }

    @Test
    void aManifestNameThatIsALinkIsRefusedAndTheJobDoesNotLookSuccessful() throws IOException {
        JobSpec job = prepared(67962, 6);
        Path victim = Files.writeString(dir.resolve("victim"), "someone else's file");
        Files.createSymbolicLink(job.files().manifest(), victim);

        assertThat(wrap(job)).isEqualTo(JobWrapper.EXIT_OUTPUTS_FAILED);

        assertThat(victim).hasContent("someone else's file");
        assertThat(Files.isSymbolicLink(job.files().manifest())).isTrue();
    }

    @Test
    void aPayloadThatCannotStartIsExit127() throws IOException {
        JobSpec job = prepared(67962, 0);
        WrapperRequest request = request(job, "1.0");
        WrapperRequest missing = new WrapperRequest(request.jobKey(), request.batchId(), request.manifest(),
                request.inputs(), request.staging(), request.outputs(), dir.resolve("no-such-script.sh"), List.of());

        assertThat(runWrapper(missing.toArguments())).isEqualTo(JobWrapper.EXIT_CANNOT_START);
        assertThat(Manifest.read(job.files().manifest()).problem()).startsWith("cannot start the payload");
    }

    @Test
    void theInputListComesFromTheJobsSliceOfTheBundle() throws IOException {
        JobSpec first = work.job(production, 67962, 0, 2048);
        JobSpec second = work.job(production, 67962, 1, 2048);
        Map<JobKey, InputSlice> slices = JobDirectories.withUmask().prepare(List.of(first, second));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        WrapperRequest onlyTheList = new WrapperRequest(second.key().toString(), "1.0", second.files().manifest(),
                Optional.of(slices.get(second.key())), Optional.of(staging), List.of(), Path.of("/bin/true"), List.of());

        assertThat(runWrapper(onlyTheList.toArguments())).isZero();
        List<String> listed = Manifest.read(second.files().manifest()).inputs();

        assertThat(listed).isEqualTo(second.inputs());
        assertThat(staging.resolve("inputs.list")).content().isEqualTo(String.join("\n", second.inputs()) + "\n");
        assertThat(slices.get(first.key()).bundle()).isEqualTo(slices.get(second.key()).bundle())
                .as("one bundle per submission").content().startsWith("# " + first.key() + "\n");
    }

    @Test
    void aWrongCommandLineIsAUsageError() throws IOException {
        assertThat(runWrapper(List.of("--job-key", "x"))).isEqualTo(JobWrapper.EXIT_USAGE);
        assertThat(runWrapper(List.of("--bogus", "1", "--", "/bin/true"))).isEqualTo(JobWrapper.EXIT_USAGE);
    }

    @Test
    void asItsOwnProcessTheWrapperExitsWithThePayloadsCode() throws Exception {
        JobSpec failing = prepared(67913, 0);
        JobSpec fine = prepared(67962, 0);
        WrapperLaunch launch = WRAPPER;

        assertThat(runAsProcess(launch, failing)).isEqualTo(13);
        assertThat(runAsProcess(launch, fine)).isZero();
        assertThat(fine.outputs()).allSatisfy(o -> assertThat(o.destination()).isRegularFile());
    }

    private int runAsProcess(WrapperLaunch launch, JobSpec job) throws Exception {
        Process p = new ProcessBuilder(launch.command(request(job, "9.0").toArguments()))
                .redirectOutput(job.files().stdout().toFile()).redirectError(job.files().stderr().toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static List<Path> partialsUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
