package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.SubmitExtras;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Jobs for batch tests, built the way the engine builds them: a production from the example specs
 * (renamed, so that tests sharing a pool never see each other's jobs), {@link JobSpecs}, and the
 * fake sPHENIX payload installed as the rule's script.
 */
public final class BatchFixtures {

    /** The calorimeter production of the example specs: script run_calo.sh, ladder 2, 3, 5 GB. */
    static final String EXAMPLE = "run3auau-calo-golden";

    private static SpecRepository specs;

    private BatchFixtures() {
    }

    public static synchronized SpecRepository specs() {
        if (specs == null) {
            specs = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs())).repository()
                    .orElseThrow(() -> new IllegalStateException("the example specs do not validate"));
        }
        return specs;
    }

    /** The example calorimeter production under a fresh name. */
    public static Production production(String prefix) {
        return production(EXAMPLE, prefix);
    }

    /** An example production under a fresh name. */
    public static Production production(String example, String prefix) {
        Production p = specs().production(example).orElseThrow();
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Production(name, p.file(), p.ruleSetFile(), p.rule(), p.runs(), p.order(), p.masks(), p.segments(),
                p.priority(), p.memory(), p.limits(), p.submit(), p.harvest(), p.onRemoval(), p.reruns());
    }

    /**
     * The production with every submit option a rule can pass to the batch system set, as
     * sphenixprod's rule files write them; the requirements hold on every machine.
     */
    public static Production withSubmitOptions(Production p) {
        RuleJob j = p.rule().job();
        RuleJob job = new RuleJob(j.script(), j.payload(), j.neventsper(), j.memory(), j.requestCpus(), 3, j.priority(),
                j.batchName(), j.logTemplate(), j.filesystem(), Optional.of("NumJobStarts > 3"), j.accountingGroup(),
                Optional.of("sphnxpro"), new SubmitExtras(Optional.of("TARGET.Arch =!= \"none\""),
                OptionalLong.of(10L * 1024 * 1024), Optional.of("(NumJobStarts >= 1 && JobStatus == 1)"),
                Optional.of("CVMFS"), Optional.of("calorimeter \"fitting\" test")));
        return withJob(p, job);
    }

    /**
     * The production with a {@code filesystem} block and {@code log} as ProdFlow's calorimeter rules
     * write them, its directories below {@code disk} (which the site must list as a rule root).
     */
    public static Production withRuleDirectories(Production p, Path disk) {
        String tree = "{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}";
        RuleJob j = p.rule().job();
        RuleJob job = new RuleJob(j.script(), j.payload(), j.neventsper(), j.memory(), j.requestCpus(),
                j.requestXferslots(), j.priority(), j.batchName(), Optional.of("{condor}/{logbase}.condor"),
                Map.of("logdir", disk + "/" + tree + "/log", "histdir", disk + "/" + tree + "/hist",
                        "condor", disk + "/condor/" + tree + "/log"),
                j.periodicRemove(), j.accountingGroup(), j.accountingGroupUser(), j.extras(), j.nevents(), j.contract());
        return withJob(p, job);
    }

    private static Production withJob(Production p, RuleJob job) {
        Rule r = p.rule();
        return new Production(p.name(), p.file(), p.ruleSetFile(), new Rule(r.name(), r.params(), r.input(), job, r.at()),
                p.runs(), p.order(), p.masks(), p.segments(), p.priority(), p.memory(), p.limits(), p.submit(),
                p.harvest(), p.onRemoval(), p.reruns());
    }

    /**
     * A directory for one test's jobs: layout root and the payload installed as the rule's script.
     * World-writable when the jobs run as another user (the test pool).
     */
    public record WorkArea(Path root, Layout layout, Path payloads, JobSpecs jobs) {

        public static WorkArea in(Path root, boolean worldWritable) {
            try {
                Files.createDirectories(root);
                Path payloads = Files.createDirectories(root.resolve("payloads"));
                Path script = payloads.resolve(specs().production(EXAMPLE).orElseThrow().rule().job().script());
                Files.copy(RepositoryFiles.productionSpecs().resolve("payloads/fake_sphenix_job.sh"), script);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                if (worldWritable) {
                    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
                    Files.setPosixFilePermissions(payloads, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Layout layout = Layout.under(root);
                return new WorkArea(root, layout, payloads, new JobSpecs(layout, payloads));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One job of {@code production} on run {@code run}, segment {@code segment}, with two input files. */
        public JobSpec job(Production production, int run, int segment, int requestMemoryMib) {
            return jobs.of(production, new JobSpecs.Request(run, segment, "", "physics",
                    List.of("/sphenix/lustre01/DST_CALOFITTING_run3auau-" + run + "-" + segment + "-a.root",
                            "/sphenix/lustre01/DST_CALOFITTING_run3auau-" + run + "-" + segment + "-b.root"),
                    "tok-" + production.name().substring(production.name().length() - 8), requestMemoryMib));
        }

        /** Segments 0..count-1 of one run. */
        public List<JobSpec> segments(Production production, int run, int count, int requestMemoryMib) {
            List<JobSpec> jobs = new ArrayList<>(count);
            for (int segment = 0; segment < count; segment++) {
                jobs.add(job(production, run, segment, requestMemoryMib));
            }
            return jobs;
        }
    }
}
