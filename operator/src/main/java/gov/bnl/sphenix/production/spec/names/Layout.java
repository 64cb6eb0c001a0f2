package gov.bnl.sphenix.production.spec.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where outputs, logs and histograms of a job live. DSTs go to the bulk file system (Lustre at
 * BNL); logs and histograms to a different one (GPFS), so a full DST disk never hides the logs
 * that explain it. Each tree is {@code <root>/<dataset>/<runtype>/<tag>/<rungroup>/<product>/},
 * unless the production's rule places it with its {@code filesystem} block ({@link #forRule}),
 * which may only name directories below {@link #roots()}.
 *
 * @param ruleRoots further trees the site lets a rule's {@code filesystem} block place files in
 *                  (sphenixprod's rules move logs and histograms to another disk this way)
 * @param rule      the production's own directories, when its rule places them
 * @param rebase    a directory every rule directory is moved below, as written ({@code /sphenix/...}
 *                  becomes {@code <rebase>/sphenix/...}): a testbed's, so that a rule written for the
 *                  facility runs on a laptop without writing outside the testbed
 */
public record Layout(Path dstRoot, Path logRoot, Path histRoot, List<Path> ruleRoots, Optional<RuleDirectories> rule,
                     Optional<Path> rebase) {

    /** The environment variable listing further rule roots, separated by {@code :}. */
    public static final String FILESYSTEM_ROOTS = "PRODOP_FILESYSTEM_ROOTS";

    public Layout {
        Objects.requireNonNull(dstRoot, "dstRoot");
        Objects.requireNonNull(logRoot, "logRoot");
        Objects.requireNonNull(histRoot, "histRoot");
        ruleRoots = ruleRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Objects.requireNonNull(rule, "rule");
        rebase = rebase.map(p -> p.toAbsolutePath().normalize());
    }

    public Layout(Path dstRoot, Path logRoot, Path histRoot) {
        this(dstRoot, logRoot, histRoot, List.of(), Optional.empty(), Optional.empty());
    }

    /** One root for everything: the demo and the tests. */
    public static Layout under(Path root) {
        return new Layout(root.resolve("dst"), root.resolve("log"), root.resolve("hist"));
    }

    /** The absolute directories of a {@code :}-separated list ({@value #FILESYSTEM_ROOTS}); none for null or blank. */
    public static List<Path> rootsFrom(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>();
        for (String entry : list.split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path root = Path.of(entry.strip());
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException(FILESYSTEM_ROOTS + " lists '" + entry + "', which is not an absolute"
                        + " directory");
            }
            roots.add(root.normalize());
        }
        return roots;
    }

    /** The same layout, letting rules place files below these trees too. */
    public Layout withRuleRoots(List<Path> roots) {
        return new Layout(dstRoot, logRoot, histRoot, roots, rule, rebase);
    }

    /** The same layout, every rule directory moved below {@code base} (a testbed's; see {@link #rebase}). */
    public Layout withRulesRebasedUnder(Path base) {
        return new Layout(dstRoot, logRoot, histRoot, ruleRoots, rule, Optional.of(base));
    }

    /** The trees this layout writes: its three roots and the site's further rule roots. */
    public List<Path> roots() {
        List<Path> all = new ArrayList<>(List.of(dstRoot, logRoot, histRoot));
        all.addAll(ruleRoots);
        rebase.ifPresent(all::add);
        return all;
    }

    /**
     * Which directories of a rule's {@code filesystem} block a layout takes: the staging layout
     * (where a job writes) takes {@code outdir}, the final one (where the operator moves what it
     * registered) {@code finaldir} and {@code histdir}; both take {@code logdir}, {@code condor}
     * and the rule's {@code log}.
     */
    public enum Role {
        STAGING("outdir", null), FINAL("finaldir", "histdir");

        private final String dstKey;
        private final String histKey;

        Role(String dstKey, String histKey) {
            this.dstKey = dstKey;
            this.histKey = histKey;
        }
    }

    /**
     * This layout for one production whose rule has a {@code filesystem} block or a {@code log}.
     * Throws {@link IllegalArgumentException}, in words for the spec's author and the site, when a
     * directory lies outside {@link #roots()}: the operator never writes, renames or deletes there.
     */
    public Layout forRule(String period, Map<String, String> filesystem, Optional<String> log, Role role) {
        if (filesystem.isEmpty() && log.isEmpty()) {
            return this;
        }
        Optional<Placed> dst = placed(filesystem, role.dstKey);
        Optional<Placed> hist = role.histKey == null ? Optional.empty() : placed(filesystem, role.histKey);
        Optional<Placed> logs = placed(filesystem, "logdir");
        Optional<Placed> condor = placed(filesystem, "condor");
        RuleDirectories directories = new RuleDirectories(period, dst.map(Placed::template), logs.map(Placed::template),
                hist.map(Placed::template), condor.map(Placed::template),
                log.map(BatchLogTemplate::new).orElse(BatchLogTemplate.SPHENIXPROD));
        return new Layout(dst.map(Placed::root).orElse(dstRoot), logs.map(Placed::root).orElse(logRoot),
                hist.map(Placed::root).orElse(histRoot), ruleRoots, Optional.of(directories), rebase);
    }

    private record Placed(DirectoryTemplate template, Path root) {
    }

    private Optional<Placed> placed(Map<String, String> filesystem, String key) {
        String written = filesystem.get(key);
        if (written == null) {
            return Optional.empty();
        }
        String text = rebase.map(base -> base + written).orElse(written);
        DirectoryTemplate template = new DirectoryTemplate(text);
        Path prefix = template.prefix();
        Path root = roots().stream().map(r -> r.toAbsolutePath().normalize()).filter(prefix::startsWith).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("filesystem." + key + " '" + text + "' is outside the"
                        + " trees this operator writes (" + String.join(", ", roots().stream().map(Path::toString).toList())
                        + "); the site adds a tree with PRODOP_FILESYSTEM_ROOTS or prodctl run --filesystem-root"));
        return Optional.of(new Placed(template, root));
    }

    public Path dstDirectory(OutputFile file, String runtype) {
        return rule.flatMap(RuleDirectories::dst).map(t -> t.fill(values(file, runtype)))
                .orElseGet(() -> tree(dstRoot, file, runtype));
    }

    public Path dstPath(OutputFile file, String runtype) {
        return dstDirectory(file, runtype).resolve(file.fileName());
    }

    public Path logDirectory(OutputFile file, String runtype) {
        return rule.flatMap(RuleDirectories::log).map(t -> t.fill(values(file, runtype)))
                .orElseGet(() -> tree(logRoot, file, runtype));
    }

    /** stdout, stderr and the batch system's own log of the job that makes {@code file}. */
    public Path logPath(OutputFile file, String runtype, LogKind kind) {
        if (kind == LogKind.BATCH) {
            return batchLogPath(file, runtype);
        }
        return logDirectory(file, runtype).resolve(file.stem() + kind.extension());
    }

    /**
     * The batch system's event log of a job: {@code <stem>.condor} beside its other logs, or where
     * the rule's {@code log} puts it ({@code {condor}} is the rule's {@code condor} directory, else
     * the log directory).
     */
    public Path batchLogPath(OutputFile file, String runtype) {
        if (rule.isEmpty()) {
            return logDirectory(file, runtype).resolve(file.stem() + LogKind.BATCH.extension());
        }
        Path logs = logDirectory(file, runtype);
        Path condor = rule.get().condor().map(t -> t.fill(values(file, runtype))).orElse(logs);
        return rule.get().batchLog().fill(condor, logs, file.stem());
    }

    public Path histDirectory(OutputFile file, String runtype) {
        return rule.flatMap(RuleDirectories::hist).map(t -> t.fill(values(file, runtype)))
                .orElseGet(() -> tree(histRoot, file, runtype));
    }

    /** QA histograms of a job: {@code HIST_<product>_<dataset>_<tag>-<run>-<seg>.root}. */
    public Path histPath(OutputFile file, String runtype) {
        return histDirectory(file, runtype).resolve("HIST_" + stripDstPrefix(file.stem()) + OutputFile.EXTENSION);
    }

    private static String stripDstPrefix(String stem) {
        return stem.startsWith("DST_") ? stem.substring(4) : stem;
    }

    private Map<String, String> values(OutputFile file, String runtype) {
        checkRuntype(runtype);
        return Map.of("prodmode", DirectoryTemplate.PRODMODE, "period", rule.orElseThrow().period(),
                "physicsmode", runtype, "outtriplet", file.tag().toString(), "leafdir", file.product(),
                "rungroup", file.runGroup().directoryName());
    }

    private static Path tree(Path root, OutputFile file, String runtype) {
        checkRuntype(runtype);
        return root.resolve(file.dataset())
                .resolve(runtype)
                .resolve(file.tag().toString())
                .resolve(file.runGroup().directoryName())
                .resolve(file.product());
    }

    private static void checkRuntype(String runtype) {
        if (!CharacterRules.isRuntype(runtype)) {
            throw new IllegalArgumentException("runtype '" + runtype + "' must be lower-case letters and '_', like physics or line_laser");
        }
    }

    /**
     * A rule's own directories, bound to its production's period.
     *
     * @param batchLog where the batch system's event log goes, in {@code condor} (or the log directory)
     */
    public record RuleDirectories(String period, Optional<DirectoryTemplate> dst, Optional<DirectoryTemplate> log,
                                  Optional<DirectoryTemplate> hist, Optional<DirectoryTemplate> condor,
                                  BatchLogTemplate batchLog) {
        public RuleDirectories {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(batchLog, "batchLog");
        }
    }

    public enum LogKind {
        STDOUT(".out"), STDERR(".err"), BATCH(".condor");

        private final String extension;

        LogKind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }
}
