package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.tools.trial.SpecsToTry;
import gov.bnl.sphenix.production.tools.trial.Trial;
import gov.bnl.sphenix.production.tools.trial.TrialOptions;
import gov.bnl.sphenix.production.tools.trial.TrialWorld;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prodctl try [SPECS] [PRODUCTION...]}: today's job scripts on a few runs, on this machine
 * or a pool. With no catalog of its own it starts an embedded PostgreSQL with a synthetic catalog
 * of the DAQ streams the specs' catalogue declares, declares the productions (upstream first) on a
 * few ready runs each, runs the engine until their jobs end, and says per production what came of
 * it. The last line is the total; exit code 0 only when no job failed.
 */
@Command(name = "try", mixinStandardHelpOptions = true,
        customSynopsis = "prodctl try [SPECS] [PRODUCTION...] [--runs N] [--nevents N] [--batch local|condor] [OPTIONS]",
        description = {"Run productions' job scripts on a few runs of a synthetic catalog, and report.",
                "SPECS is a specs repository (default: production-specs) or a single rule-set file of today's",
                "short format (then a production per rule). Exit code 0 when no job failed."})
public final class TryCommand implements Callable<Integer> {

    private static final Path DEFAULT_SPECS = Path.of("production-specs");
    private static final String ROOT_EXE = "standin/root.exe";

    @Parameters(arity = "0..*", paramLabel = "ARG",
            description = "A specs directory or rule-set file, then the productions to try (default: all).")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--runs", description = "Ready runs per production made from raw data (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int runs;

    @Option(names = "--nevents", description = "At most this many events per job (default: the productions' own).")
    Integer nevents;

    @Option(names = "--batch", description = "local or condor (default: ${DEFAULT-VALUE}).", defaultValue = "local")
    String batch;

    @Option(names = "--dir", description = "Where to build the try (default: prodctl-try-<time> in the temporary"
            + " directory, or in the shared directory of a personal HTCondor pool).")
    Path dir;

    @Option(names = "--payloads", description = "The stand-in payloads: standin/root.exe and fake_sphenix_job.sh"
            + " (default: payloads/ of SPECS if it has them, else production-specs/payloads).")
    Path payloads;

    @Option(names = "--seed", description = "Seed of the synthetic catalog (default: ${DEFAULT-VALUE}).", defaultValue = "7")
    long seed;

    @Option(names = "--interval", description = "Time between engine passes (default: ${DEFAULT-VALUE}).",
            defaultValue = "PT0.5S")
    Duration interval;

    @Option(names = "--timeout", description = "Give up after this long (default: ${DEFAULT-VALUE}).", defaultValue = "PT10M")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!batch.equals("local") && !batch.equals("condor")) {
            throw new IllegalArgumentException("--batch is local or condor, not " + batch);
        }
        boolean condor = batch.equals("condor");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // a pool remembers earlier tries' jobs under the same keys: there every production name gets a suffix
        TrialOptions options = new TrialOptions(runs, nevents == null ? OptionalInt.empty() : OptionalInt.of(nevents),
                condor ? "-" + stamp.substring(stamp.length() - 6) : "", seed);
        SpecsToTry specs = specsToTry();
        Path standins = payloads != null ? payloads.toAbsolutePath() : standins(specs);
        if (!Files.isRegularFile(standins.resolve(ROOT_EXE))) {
            throw new IllegalArgumentException("no stand-in " + ROOT_EXE + " in " + standins);
        }
        Path root = DemoRoot.choose(Optional.ofNullable(dir), condor ? DemoRoot.poolShare() : Optional.empty(),
                Path.of(System.getProperty("java.io.tmpdir")), "prodctl-try-" + stamp);
        if (Files.exists(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " is not empty; give another --dir");
                }
            }
        }
        if (condor) {
            LocalPool.openToPoolJobs(root);
        }
        out.println("prodctl try: building the try in " + root);
        try (TrialWorld trial = TrialWorld.create(root, specs, options, standins, DemoRoot.batchSystem(batch))) {
            out.println("prodctl try: " + trial.seeded() + "; specs repository " + trial.world().specs().url());
            PassPace pace = new PassPace(interval, timeout);
            Thread interrupt = ShutdownHooks.add(pace::stop, "try-stop");
            try {
                return Trial.run(trial, out, pace, ProgressLine.display(out)).failed() == 0 ? 0 : 1;
            } finally {
                ShutdownHooks.remove(interrupt);
            }
        }
    }

    /** The first argument is SPECS when it is a path; everything else names productions. */
    private SpecsToTry specsToTry() {
        List<String> named = new ArrayList<>(arguments);
        Path specs = DEFAULT_SPECS;
        if (!named.isEmpty() && looksLikePath(named.get(0))) {
            specs = Path.of(named.remove(0));
        }
        if (!Files.exists(specs)) {
            throw new IllegalArgumentException("no such file or directory: " + specs
                    + (specs == DEFAULT_SPECS ? " (run from the repository root or give SPECS)" : ""));
        }
        if (Files.isDirectory(specs)) {
            if (!Files.isRegularFile(specs.resolve(SpecLoader.CATALOGUE))) {
                throw new IllegalArgumentException(specs + " is not a specs repository: it has no " + SpecLoader.CATALOGUE);
            }
            return new SpecsToTry.Directory(specs.toAbsolutePath().normalize(), named);
        }
        if (!named.isEmpty()) {
            throw new IllegalArgumentException("a rule file makes a production of each of its rules; name no production"
                    + " after it (" + String.join(" ", named) + ")");
        }
        Path file = specs.toAbsolutePath().normalize();
        Path root = ValidateCommand.repositoryRoot(file);
        Path catalogue = root.resolve(SpecLoader.CATALOGUE);
        if (!Files.exists(catalogue)) {
            catalogue = DEFAULT_SPECS.resolve(SpecLoader.CATALOGUE).toAbsolutePath();
            if (!Files.exists(catalogue)) {
                throw new IllegalArgumentException(file + " is in no specs repository with a product catalogue, and there"
                        + " is no " + DEFAULT_SPECS + " here to take one from");
            }
        }
        return new SpecsToTry.RuleFile(root, root.relativize(file).toString(), catalogue);
    }

    private static boolean looksLikePath(String argument) {
        return argument.contains("/") || argument.endsWith(".yaml") || argument.endsWith(".yml")
                || Files.exists(Path.of(argument));
    }

    /** The stand-in payloads: those of the specs repository, else those of production-specs here. */
    private static Path standins(SpecsToTry specs) {
        Path root = specs.root();
        for (Path candidate : List.of(root.resolve("payloads"), DEFAULT_SPECS.resolve("payloads").toAbsolutePath())) {
            if (Files.isRegularFile(candidate.resolve(ROOT_EXE))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no stand-in payloads/" + ROOT_EXE + " in " + root + " or in "
                + DEFAULT_SPECS.toAbsolutePath() + "; run from the repository root or give --payloads");
    }
}
