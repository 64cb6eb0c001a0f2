package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.preview.PlanPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.takeover.SphenixprodDatabase;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code prodctl import sphenixprod} on the real pool: sphenixprod's jobs submitted the way it
 * submits them (one cluster from a queue of argument lines, {@code JobBatchName} {@code main.<rule's
 * batch_name>}, the row's id as the last argument), its {@code production_jobs} table in
 * PostgreSQL, then the import, then the engine's next pass.
 */
@Tag("condor")
class ImportSphenixprodOnCondorTest {

    /** Unique per test: the pool outlives the world, and an old job of the same key would be adopted. */
    private final String streaming = "demo-streaming-" + UUID.randomUUID().toString().substring(0, 8);

    private Path root;
    private DemoWorld world;
    private Engine engine;
    private CondorSettings condor;
    private SphenixprodDatabase sphenixprod;
    private Production production;
    private Path sleeper;
    private final List<String> sphenixprodClusters = new ArrayList<>();

    @BeforeEach
    void aWorldWhereSphenixprodRuns() throws Exception {
        MiniCondorPool.requireUp();
        root = MiniCondorPool.share().resolve("import-" + UUID.randomUUID());
        WrapperLaunch wrapper = WrapperLaunch.in(root.resolve("worker-lib"));
        LocalPool.openToPoolJobs(root.resolve("world"));
        condor = MiniCondorPool.settings(wrapper);
        world = DemoWorld.create(root.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new CondorBatchSystem(condor, JobDirectories.worldWritable()));
        world.declareAs("streaming", streaming, "Merge pull request #1: take over event building");
        engine = world.startEngine();
        production = declared().stream().filter(p -> p.name().equals(streaming)).findFirst().orElseThrow();
        sphenixprod = SphenixprodDatabase.create(world.catalogs().ledger());
        sleeper = root.resolve("sphenixprod/run_parallel_streams.sh");
        Files.createDirectories(sleeper.getParent());
        Files.writeString(sleeper, "#!/bin/sh\n# stands in for a sphenixprod job: long enough to be taken over\nsleep 900\n");
        Files.setPosixFilePermissions(sleeper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (world != null) {
            world.batch().remove(Selection.production(streaming), "test over");
            // condor_rm fails on jobs already removed (JobStatus 3) and when nothing matches
            String constraint = "member(ClusterId, {" + String.join(", ", sphenixprodClusters) + "}) && JobStatus =!= 3";
            if (!sphenixprodClusters.isEmpty() && !MiniCondorPool.adminQueue(constraint, "ClusterId").isBlank()) {
                MiniCondorPool.admin("condor_rm", "-constraint", constraint);
            }
            world.close();
        }
        RepositoryFiles.deleteTree(root);
    }

    @Test
    void adoptedJobsAreNeitherSubmittedAgainNorKilledAndEveryRowLeftAloneSaysWhy() throws Exception {
        List<JobKey> planned = plannedKeys();
        assertThat(planned).as("keys the next pass would submit").hasSizeGreaterThanOrEqualTo(5);
        JobKey first = planned.get(0);
        JobKey second = planned.get(1);
        JobKey otherBatch = planned.get(2);
        JobKey vanished = planned.get(3);
        JobKey finished = planned.get(4);
        String batchName = "main." + production.rule().job().batchName().orElseThrow()
                .replace("{rule_name}", production.rule().name())
                .replace("{dataset}", production.namespace().dataset())
                .replace("{outtriplet}", production.namespace().tag().toString());
        long firstRow = row(first, "submitting", null);
        long secondRow = row(second, "submitting", null);
        long otherBatchRow = row(otherBatch, "submitting", null);
        long cluster = submit(batchName, List.of(arguments(first, firstRow), arguments(second, secondRow)));
        sphenixprod.submitted(firstRow, cluster);
        sphenixprod.submitted(secondRow, cluster);
        long elsewhere = submit("main.someone_elses_batch", List.of(arguments(otherBatch, otherBatchRow)));
        sphenixprod.submitted(otherBatchRow, elsewhere);
        row(vanished, "running", 999_999L);
        row(finished, "finished", 999_998L);
        catalogue(output(finished));
        sphenixprod.insert("DST_BOGUS_run3physics", production.namespace().tag().toString(), "run3auau", "DST_BOGUS",
                "DST_BOGUS_run3auau_" + production.namespace().tag() + "-00066040-00000.root", 66040, 0,
                "submitted", null, null);
        // another user's job with the same batch name and dbid: never read, never changed
        long outsider = MiniCondorPool.submitAsOutsider(description(batchName, List.of(arguments(second, secondRow))));
        sphenixprodClusters.add(Long.toString(outsider));

        String dryRun = importSphenixprod("--dry-run");
        assertThat(dryRun).contains(streaming + ": would adopt ")
                .endsWith("import: 2 jobs would be adopted, 1 done, 3 not matched\n");
        assertThat(LocalWorlds.ledgerRows(world, streaming)).as("a dry run records nothing").isEmpty();
        assertThat(keysOn("ClusterId == " + cluster)).as("a dry run marks no job").isEmpty();

        String imported = importSphenixprod();
        assertThat(imported).endsWith("import: 2 jobs adopted, 1 done, 3 not matched\n")
                .contains("its JobBatchName main.someone_elses_batch is not <branch>." + batchName.substring(5))
                .contains("sphenixprod says running, but no job of ours in the queue ends its arguments with dbid")
                .contains("no declared production makes DST_BOGUS run3auau");
        assertThat(keysOn("ClusterId == " + cluster)).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(keysOn("ClusterId == " + outsider)).as("another user's job is left as it was").isEmpty();
        Map<JobKey, LedgerJob> ledger = ledgerByKey();
        assertThat(ledger.keySet()).containsExactlyInAnyOrder(first, second, finished);
        for (JobKey adopted : List.of(first, second)) {
            assertThat(ledger.get(adopted).clusterId()).hasValue(cluster);
            assertThat(ledger.get(adopted).state()).isIn(LedgerState.QUEUED, LedgerState.RUNNING);
        }
        assertThat(ledger.get(finished).state()).isEqualTo(LedgerState.SUCCEEDED);

        assertThat(importSphenixprod()).as("a second import adopts nothing new")
                .endsWith("import: 0 jobs adopted, 0 done, 3 not matched (3 already in the ledger)\n");

        engine.refresh();
        PassReport pass = engine.pass();
        assertThat(pass.errors()).isEmpty();
        assertThat(pass.activity(streaming).submitted()).as("the pass submits the keys nobody runs").isPositive();
        assertThat(pass.activity(streaming).killed()).as("and kills nothing").isZero();
        engine.refresh();
        PassReport next = engine.pass();
        assertThat(next.errors()).isEmpty();
        assertThat(next.activity(streaming).killed()).as("nor does the pass after it, which sees its own jobs too")
                .isZero();
        Map<JobKey, LedgerJob> after = ledgerByKey();
        for (JobKey adopted : List.of(first, second)) {
            assertThat(after.get(adopted).clusterId()).as(adopted + " is still sphenixprod's job").hasValue(cluster);
            assertThat(after.get(adopted).attempt()).isEqualTo(1);
        }
        List<BatchJob> liveOfAdopted = world.batch().query(Selection.keys(List.of(first, second))).jobs().stream()
                .filter(BatchJob::isLive).toList();
        assertThat(liveOfAdopted).extracting(j -> j.id().cluster()).as("no second job of an adopted key")
                .containsExactly(cluster, cluster);
        assertThat(after.get(finished).state()).as("a catalogued output is not made again")
                .isEqualTo(LedgerState.SUCCEEDED);
        assertThat(after.get(finished).attempt()).isEqualTo(1);
        assertThat(after.get(vanished).clusterId()).as("a row without its job is submitted anew, as reported")
                .isPresent();
        assertThat(after.get(vanished).clusterId().getAsLong()).isNotEqualTo(999_999L);
    }

    private List<Production> declared() {
        try (CheckedOutSpecs specs = CheckedOutSpecs.open(world.specs().workingCopy())) {
            return specs.workingTree().report().repository().map(SpecRepository::productions).orElseThrow();
        }
    }

    /** What the next pass would submit, as prodctl plan reads it. */
    private List<JobKey> plannedKeys() throws Exception {
        try (CheckedOutSpecs specs = CheckedOutSpecs.open(world.specs().workingCopy())) {
            SpecRepository repository = specs.workingTree().report().repository().orElseThrow();
            PlanPreview preview = new PlanPreview(EngineAssembly.ports(world.catalogs(), world.settings(),
                    Clock.systemUTC()), world.batch(), world.settings(), Clock.systemUTC());
            return preview.plan("none", "head", SpecChange.between(List.of(), repository.productions()),
                    repository.catalogue(), sourceName()).counts().orElseThrow().of(streaming).orElseThrow()
                    .toSubmit().keys();
        }
    }

    private long row(JobKey key, String status, Long clusterId) throws Exception {
        return sphenixprod.insert(production.rule().name(), production.namespace().tag().toString(),
                production.namespace().dataset(), production.dsttype() + "_" + key.leaf(), output(key).fileName(),
                key.run(), key.segment(), status, clusterId, clusterId == null ? null : 0);
    }

    /** sphenixprod's spider registered the output of a finished job. */
    private void catalogue(OutputFile output) throws Exception {
        try (java.sql.Connection c = world.catalogs().fileCatalog().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO files (lfn, full_host_name, full_file_path,"
                     + " time, size, md5) VALUES (?, 'lustre', ?, now(), 1, '')")) {
            s.setString(1, output.fileName());
            s.setString(2, "/sphenix/lustre01/sphnxpro/production/" + output.fileName());
            s.executeUpdate();
        }
    }

    private OutputFile output(JobKey key) {
        return OutputFile.ofLeaf(production.dsttype(), key.leaf(), production.namespace().dataset(),
                production.namespace().tag(), key.run(), key.segment());
    }

    /** sphenixprod's argument line: build, dataset, triplet, input types, run, segment, host, ..., the dbid last. */
    private String arguments(JobKey key, long dbid) {
        OutputFile out = output(key);
        return String.join(" ", "ana.523", out.dataset(), "nocdbtag_v001", "gl1daq", Integer.toString(key.run()),
                Integer.toString(key.segment()), key.leaf(), "0", "0", "/sphenix/lustre01/sphnxpro/production",
                "/sphenix/data/data02/sphnxpro/production", out.product() + "_" + out.dataset() + "_" + out.tag(),
                "10000", "nocdbtag", out.stem(), "/sphenix/data/data02/sphnxpro/log", "payload.tgz",
                Long.toString(dbid));
    }

    private long submit(String batchName, List<String> argumentLines) {
        long cluster = MiniCondorPool.submitAsSubmitter(description(batchName, argumentLines));
        sphenixprodClusters.add(Long.toString(cluster));
        return cluster;
    }

    /** One cluster queued from argument lines, as sphenixprod's .sub and .in files make it. */
    private String description(String batchName, List<String> argumentLines) {
        return "universe = vanilla\nexecutable = " + sleeper + "\nbatch_name = " + batchName
                + "\nrequest_memory = 512MB\npriority = 1000\nqueue arguments from (\n"
                + String.join("\n", argumentLines) + "\n)\n";
    }

    /** The ProdOpJobKey of the live jobs matching {@code constraint}, read as the pool's administrator. */
    private List<String> keysOn(String constraint) {
        String json = MiniCondorPool.adminQueue(constraint, "ProdOpJobKey");
        List<String> keys = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"ProdOpJobKey\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private Map<JobKey, LedgerJob> ledgerByKey() throws Exception {
        return LocalWorlds.ledgerRows(world, streaming).stream()
                .collect(Collectors.toMap(j -> j.key().job(), j -> j));
    }

    private String sourceName() {
        return world.specs().url() + "@" + SpecsWorkspace.BRANCH;
    }

    private String importSphenixprod(String... more) {
        ImportCommand.Sphenixprod command = new ImportCommand.Sphenixprod();
        command.environment = Map.of(
                "PRODOP_CATALOG_URL", world.catalogs().embeddedServer().orElseThrow().jdbcUrl(),
                "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER,
                ImportCommand.Sphenixprod.DB_URL,
                sphenixprod.url(world.catalogs().embeddedServer().orElseThrow().jdbcUrl()));
        command.condor = Optional.of(condor);
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        List<String> arguments = new ArrayList<>(List.of("--specs", world.specs().workingCopy().toString(),
                "--source-name", sourceName(), "--production", streaming));
        arguments.addAll(List.of(more));
        int exit = cli.execute(arguments.toArray(String[]::new));
        assertThat(exit).as(output.toString()).isZero();
        return output.toString();
    }
}
