package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.BatchName;
import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleInput;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.SubmitExtras;
import gov.bnl.sphenix.production.spec.names.BatchLogTemplate;
import gov.bnl.sphenix.production.spec.names.CharacterRules;
import gov.bnl.sphenix.production.spec.names.DirectoryTemplate;
import gov.bnl.sphenix.production.spec.names.Tag;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule in today's sphenixprod short format — {@code params}, {@code input}, {@code job}
 * — unchanged, so the collaboration's existing rule files keep working. Keys from older revisions
 * of the format are accepted with a warning; keys that carried raw SQL are refused.
 */
final class RuleParser {

    static final Set<String> RULE_KEYS = Set.of("params", "input", "job");
    static final Set<String> PARAMS_KEYS = Set.of("dsttype", "period", "physicsmode", "dataset", "build", "dbtag",
            "version", "comment");
    static final Set<String> INPUT_KEYS = Set.of("intriplet", "min_run_time", "min_run_events", "combine_seg0_only",
            "cut_segment");
    static final Set<String> JOB_KEYS = Set.of("script", "payload", "neventsper", "request_memory", "request_cpus",
            "request_xferslots", "priority", "batch_name", "log", "filesystem", "periodicremove",
            "comment", "accounting_group", "accounting_group_user", "requirements", "request_disk", "periodichold",
            "concurrency_limits", "nevents", "contract");
    static final Set<String> FILESYSTEM_KEYS = Set.of("outdir", "finaldir", "logdir", "histdir", "condor");

    /** Placeholders that job templates (batch_name, log, filesystem) may use. */
    static final Set<String> PLACEHOLDERS = Set.of("rule_name", "dsttype", "period", "physicsmode", "dataset",
            "build", "dbtag", "version", "outtriplet", "intriplet", "outbase", "logbase", "run", "seg", "leaf",
            "daqhost", "rungroup", "leafdir", "outdir", "finaldir", "logdir", "histdir", "condor", "nevents",
            "neventsper", "payload", "comment", "prodmode", "PWD", "production");

    private static final String RULE_LEVEL_FILESYSTEM = "sphenixprod reads 'filesystem' under 'job' only; move it"
            + " there to place this rule's files";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** A bare number of {@code request_disk} is KiB, as HTCondor reads it. */
    private static final Pattern DISK = Pattern.compile("\\s*([0-9]+)\\s*(k|kb|m|mb|g|gb|t|tb)?\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * How a key the reader does not know is met. A rule-set file is sphenixprod's own, which drops
     * such keys with a warning: refusing them would stop rule files that run today. A rule written
     * inline in a production file is the operator's format and refuses them.
     */
    enum UnknownKeys { REFUSE, WARN_AS_SPHENIXPROD }

    private final SpecTree tree;
    private final Diagnostics out;
    private final PayloadCheck payloads;
    private final UnknownKeys unknownKeys;

    RuleParser(SpecTree tree, Diagnostics out, UnknownKeys unknownKeys) {
        this.tree = tree;
        this.out = out;
        this.payloads = new PayloadCheck(tree, out);
        this.unknownKeys = unknownKeys;
    }

    /** @param ruleFile the repository-relative file the rule is written in; payload globs are relative to it */
    Optional<Rule> parse(String name, MapReader rule, String ruleFile) {
        unknownKeys(rule, RULE_KEYS, Set.of("filesystem"));
        rule.requireKeys("params", "job");
        Optional<RuleParams> params = rule.map("params").flatMap(this::params);
        RuleInput input = rule.map("input").map(i -> input(i, params)).orElse(defaultInput());
        ignored(rule, "filesystem", RULE_LEVEL_FILESYSTEM);
        Optional<RuleJob> job = rule.map("job").flatMap(j -> job(j, ruleFile));
        if (params.isEmpty() || job.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(name, params.get(), input, job.get(), rule.location()));
    }

    private Optional<RuleParams> params(MapReader p) {
        unknownKeys(p, PARAMS_KEYS, Set.of("rulestem", "outstub"));
        Optional<String> dsttype = renamed(p, "dsttype", "rulestem");
        Optional<String> period = p.text("period");
        Optional<String> dataset = renamed(p, "dataset", "outstub").or(() -> period);
        String physicsmode = p.text("physicsmode").orElse("physics");
        Optional<String> build = p.text("build");
        Optional<String> dbtag = p.text("dbtag");
        Optional<Integer> version = p.integer("version", 0, 999);
        if (dsttype.isEmpty()) {
            p.diagnostics().error(p.location(), "'" + p.path() + "' is missing 'dsttype'",
                    "add the product, e.g. 'dsttype: DST_TRKR_CLUSTER'");
        }
        p.requireKeys("period", "build", "dbtag", "version");
        ignored(p, "comment", "it is not passed to jobs; a YAML '# comment' keeps the note without this warning");
        boolean valid = true;
        if (period.isPresent() && !CharacterRules.isSubmitWord(period.get())) {
            p.diagnostics().error(p.valueLocation("period"), "period '" + period.get() + "' is not a period name",
                    "use " + CharacterRules.SUBMIT_WORD_CHARACTERS + ", like run3auau; it goes into the jobs' batch name");
            valid = false;
        }
        if (dsttype.isPresent() && !CharacterRules.isProduct(dsttype.get())) {
            p.diagnostics().error(p.valueLocation(p.has("dsttype") ? "dsttype" : "rulestem"),
                    "dsttype '" + dsttype.get() + "' is not a product name", "use letters, digits and '_', like DST_CALO");
            valid = false;
        }
        if (dataset.isPresent() && !CharacterRules.isDataset(dataset.get())) {
            p.diagnostics().error(p.valueLocation(p.has("dataset") ? "dataset" : "period"),
                    "dataset '" + dataset.get() + "' is not a dataset name",
                    "use lower-case letters, digits and single '_', like run3auau; it becomes part of every file name");
            valid = false;
        }
        if (!CharacterRules.isRuntype(physicsmode)) {
            p.diagnostics().error(p.valueLocation("physicsmode"), "physicsmode '" + physicsmode + "' is not a run type",
                    "use a run type such as physics, cosmics, calib or line_laser");
            valid = false;
        }
        if (build.isEmpty() || dbtag.isEmpty() || version.isEmpty() || dsttype.isEmpty() || period.isEmpty()
                || dataset.isEmpty() || !valid) {
            return Optional.empty();
        }
        String problem = Tag.problem(build.get(), dbtag.get(), version.get());
        if (problem != null) {
            String key = problem.startsWith("build") ? "build" : problem.startsWith("dbtag") ? "dbtag" : "version";
            String[] parts = problem.split(": ", 2);
            p.diagnostics().error(p.valueLocation(key), parts[0], parts.length > 1 ? parts[1] : "");
            return Optional.empty();
        }
        return Optional.of(new RuleParams(dsttype.get(), period.get(), physicsmode, dataset.get(),
                Tag.of(build.get(), dbtag.get(), version.get())));
    }

    private RuleInput input(MapReader in, Optional<RuleParams> params) {
        unknownKeys(in, INPUT_KEYS, Set.of("db", "table", "direct_path", "query", "infile_query_constraints",
                "status_query_constraints"));
        for (String ignored : List.of("db", "table")) {
            if (in.has(ignored)) {
                out.warning(in.keyLocation(ignored), "'" + in.child(ignored) + "' is ignored (deprecated)",
                        "the operator knows which catalog holds each product; the line can go");
            }
        }
        if (in.has("direct_path")) {
            out.warning(in.keyLocation("direct_path"), "'" + in.child("direct_path") + "' is ignored",
                    "raw files are found through the raw data catalog; the line can go");
        }
        for (String sql : List.of("query", "infile_query_constraints", "status_query_constraints")) {
            if (in.has(sql)) {
                out.error(in.keyLocation(sql), "'" + in.child(sql) + "' embeds raw SQL, which the operator refuses",
                        "the retired format ran SQL from the rule file on the production databases; declare what you"
                                + " need instead: the product catalogue says which inputs a product needs, 'intriplet'"
                                + " which upstream tag, and the production's 'runs' which runs");
            }
        }
        Optional<Tag> intriplet = in.text("intriplet").flatMap(t -> {
            if (Tag.isTriplet(t)) {
                return Optional.of(Tag.parse(t));
            }
            out.error(in.valueLocation("intriplet"), "intriplet '" + t + "' is not a tag triplet",
                    "write the upstream tag as <build>_<dbtag>_v<NNN>, e.g. ana523_2025p007_v001");
            return Optional.empty();
        });
        int minRunTime = in.integer("min_run_time", 0, 1_000_000).orElse(RuleInput.DEFAULT_MIN_RUN_TIME);
        long minRunEvents = in.longValue("min_run_events", 0, Long.MAX_VALUE / 2).orElse(RuleInput.DEFAULT_MIN_RUN_EVENTS);
        boolean seg0Only = in.bool("combine_seg0_only").orElse(true);
        OptionalInt cutSegment = in.integer("cut_segment", 1, 99_999).map(OptionalInt::of).orElse(OptionalInt.empty());
        return new RuleInput(intriplet, minRunTime, minRunEvents, seg0Only, cutSegment);
    }

    private static RuleInput defaultInput() {
        return new RuleInput(Optional.empty(), RuleInput.DEFAULT_MIN_RUN_TIME, RuleInput.DEFAULT_MIN_RUN_EVENTS, true,
                OptionalInt.empty());
    }

    private Optional<RuleJob> job(MapReader j, String ruleFile) {
        unknownKeys(j, JOB_KEYS, Set.of("mem", "arguments", "output_destination", "rsync"));
        if (j.has("arguments")) {
            out.warning(j.keyLocation("arguments"), "'" + j.child("arguments") + "' is ignored",
                    "the operator passes the job's arguments itself (run, segment, inputs, outputs); the line can go");
        }
        if (j.has("output_destination")) {
            out.warning(j.keyLocation("output_destination"), "'" + j.child("output_destination") + "' is ignored",
                    "logs are written to the log directory of the job directly, never copied back");
        }
        if (j.has("rsync")) {
            out.warning(j.keyLocation("rsync"), "'" + j.child("rsync") + "' is ignored",
                    "list the files the job needs under 'payload' instead");
        }
        j.requireKeys("script", "payload", "neventsper");
        Optional<String> script = j.text("script").filter(s -> validScript(s, j));
        List<String> payload = payload(j, ruleFile);
        List<String> payloadFiles = payloads.files(payload, j.valueLocation("payload"));
        script.ifPresent(s -> payloads.script(s, payloadFiles, j.valueLocation("script")));
        Optional<Integer> neventsper = j.integer("neventsper", 0, Integer.MAX_VALUE);
        Optional<MemoryLadder> memory = memory(j);
        int cpus = j.integer("request_cpus", 1, 1024).orElse(1);
        int xferslots = j.integer("request_xferslots", 0, 1000).orElse(0);
        int priority = j.integer("priority", -1_000_000_000, 1_000_000_000).orElse(0);
        Optional<String> batchName = batchName(j);
        Optional<String> log = j.text("log").filter(t -> placeholdersKnown(t, j, "log")).filter(t -> batchLog(t, j));
        Optional<Map<String, String>> filesystem = j.map("filesystem").map(this::filesystem).orElse(Optional.of(Map.of()));
        Optional<String> periodicRemove = submitExpression(j, "periodicremove");
        Optional<String> accountingGroup = j.text("accounting_group").filter(g -> accountingGroup(j, g, "accounting_group"));
        Optional<String> accountingGroupUser = j.text("accounting_group_user")
                .filter(u -> accountingGroup(j, u, "accounting_group_user"));
        SubmitExtras extras = new SubmitExtras(submitExpression(j, "requirements"), requestDisk(j),
                submitExpression(j, "periodichold"), submitExpression(j, "concurrency_limits"), submitExpression(j, "comment"));
        int nevents = j.integer("nevents", 0, Integer.MAX_VALUE).orElse(0);
        Optional<JobContract> contract = contract(j);
        if (contract.isEmpty() || log.isEmpty() && j.has("log") || filesystem.isEmpty() || script.isEmpty()
                || neventsper.isEmpty() || memory.isEmpty() || !j.has("payload")
                || accountingGroup.isEmpty() && j.has("accounting_group") || batchName.isEmpty() && j.has("batch_name")) {
            return Optional.empty();
        }
        return Optional.of(new RuleJob(script.get(), payload, neventsper.get(), memory.get(), cpus, xferslots, priority,
                batchName, log, filesystem.get(), periodicRemove, accountingGroup, accountingGroupUser, extras, nevents,
                contract.get()));
    }

    /**
     * How the script is called: {@code contract} when the rule says, else sphenixprod's, whose
     * format every rule is written in (in a rule-set file or inline), so today's scripts run unchanged.
     */
    private Optional<JobContract> contract(MapReader j) {
        Optional<String> word = j.text("contract");
        if (word.isEmpty()) {
            return Optional.of(JobContract.SPHENIXPROD);
        }
        for (JobContract c : JobContract.values()) {
            if (c.word().equals(word.get().strip())) {
                return Optional.of(c);
            }
        }
        out.error(j.valueLocation("contract"), "contract '" + word.get() + "' is not one this operator knows",
                "write 'sphenixprod' (today's run scripts: 17 arguments and the job id, outputs staged by the script)"
                        + " or 'operator' (the operator's job wrapper and manifest)");
        return Optional.empty();
    }

    /** The batch name template: one word once its placeholders are filled, or the rule is refused. */
    private Optional<String> batchName(MapReader j) {
        Optional<String> template = j.text("batch_name").filter(t -> placeholdersKnown(t, j, "batch_name"));
        if (template.isEmpty()) {
            return template;
        }
        String literal = PLACEHOLDER.matcher(template.get()).replaceAll("");
        if (!literal.isEmpty() && !CharacterRules.isSubmitWord(literal)) {
            out.error(j.valueLocation("batch_name"), "batch_name '" + template.get() + "' has characters a batch name"
                            + " cannot hold", "use " + CharacterRules.SUBMIT_WORD_CHARACTERS
                            + " around the placeholders, e.g. '{dsttype}_{dataset}_{outtriplet}'");
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(template.get());
        while (m.find()) {
            if (!BatchName.PLACEHOLDERS.contains(m.group(1))) {
                out.warning(j.keyLocation("batch_name"), "'" + j.child("batch_name") + "' is ignored by this operator"
                                + " for now: it uses {" + m.group(1) + "}, which is not filled in, so the jobs are"
                                + " grouped under the production's name",
                        "use only " + String.join(", ", BatchName.PLACEHOLDERS.stream().sorted()
                                .map(n -> "{" + n + "}").toList()));
                break;
            }
        }
        return template;
    }

    /** The accounting group (or user) goes into the submit description as one word: refused here as the batch side would. */
    private boolean accountingGroup(MapReader j, String group, String key) {
        if (CharacterRules.isSubmitWord(group)) {
            return true;
        }
        out.error(j.valueLocation(key), key + " '" + group + "' is not one word",
                "use " + CharacterRules.SUBMIT_WORD_CHARACTERS + ", e.g. group_sphenix.prod: HTCondor reads it as one word");
        return false;
    }


    /** A ClassAd expression or list for one line of the submit description. */
    private Optional<String> submitExpression(MapReader j, String key) {
        Optional<String> value = j.text(key);
        // a backslash at the end of a submit line continues it onto the next
        Optional<String> problem = value.flatMap(CharacterRules::submitArgumentProblem)
                .or(() -> value.filter(v -> v.endsWith("\\")).map(v -> "cannot end in '\\'"));
        if (problem.isPresent()) {
            out.error(j.valueLocation(key), j.child(key) + " " + problem.get(),
                    "write the expression on one line, without submit-language macros");
            return Optional.empty();
        }
        return value;
    }

    private OptionalLong requestDisk(MapReader j) {
        Optional<String> value = j.text("request_disk");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = DISK.matcher(value.get());
        if (!m.matches()) {
            out.error(j.valueLocation("request_disk"), "request_disk '" + value.get() + "' is not a disk size",
                    "write e.g. 10GB, 500MB, or a number of KiB as HTCondor reads it");
            return OptionalLong.empty();
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "k" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 0;
            case 'm' -> 10;
            case 'g' -> 20;
            default -> 30;
        };
        if (number > (Long.MAX_VALUE >> 31)) {
            out.error(j.valueLocation("request_disk"), "request_disk '" + value.get() + "' is too large",
                    "write a size a worker node can have, e.g. 10GB");
            return OptionalLong.empty();
        }
        return OptionalLong.of(number << shift);
    }

    /**
     * Unknown keys per {@link UnknownKeys}. Even as sphenixprod, a key that is one typo away from a
     * key the rule does not set ({@code request_memroy}) is an error: sphenixprod would run the job
     * without it, which is the mistake this check is for.
     */
    private void unknownKeys(MapReader m, Set<String> known, Set<String> alsoAccepted) {
        if (unknownKeys == UnknownKeys.REFUSE) {
            m.rejectUnknownKeys(known, alsoAccepted);
            return;
        }
        for (String key : m.keys()) {
            if (known.contains(key) || alsoAccepted.contains(key)) {
                continue;
            }
            Optional<String> meant = DidYouMean.nearest(key, known).filter(k -> !m.has(k));
            if (meant.isPresent()) {
                out.error(m.keyLocation(key), "unknown key '" + key + "' in " + m.describe(),
                        "did you mean '" + meant.get() + "'?");
            } else {
                out.warning(m.keyLocation(key), "unknown key '" + key + "' in " + m.describe() + " is ignored, as"
                        + " sphenixprod ignores it", "remove it, or check the spelling against: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private void ignored(MapReader m, String key, String instead) {
        if (m.has(key)) {
            out.warning(m.keyLocation(key), "'" + m.child(key) + "' is ignored by this operator for now: " + instead,
                    "the line can stay while sphenixprod still reads this file; nothing here depends on it");
        }
    }

    private boolean validScript(String script, MapReader j) {
        if (!script.matches("[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*") || script.contains("..")) {
            out.error(j.valueLocation("script"), "script '" + script + "' is not a plain file name",
                    "name the script inside the payload, e.g. run_jobA.sh; no spaces, '..' or absolute paths");
            return false;
        }
        return true;
    }

    private List<String> payload(MapReader j, String ruleFile) {
        List<String> written = new ArrayList<>();
        Optional<Node> node = j.node("payload");
        if (node.isEmpty()) {
            return written;
        }
        if (node.get() instanceof ScalarNode single) {
            written.add(single.getValue());
        } else if (node.get() instanceof SequenceNode) {
            written.addAll(j.textList("payload"));
        } else {
            out.error(j.valueLocation("payload"), "'" + j.child("payload") + "' must be a list of file globs",
                    "write payload: [tracking_code/*]");
        }
        List<String> resolved = new ArrayList<>();
        String base = RepoPath.directoryOf(ruleFile);
        for (String glob : written) {
            RepoPath.resolve(glob, base, tree, "payload entry", j.valueLocation("payload"), out)
                    .ifPresent(resolved::add);
        }
        return resolved;
    }

    /** {@code request_memory} (or the deprecated {@code mem}): one size, "2 GB, 4 GB, 8 GB", or a list. */
    private Optional<MemoryLadder> memory(MapReader j) {
        String key = j.has("request_memory") ? "request_memory" : "mem";
        if (j.has("mem")) {
            if (j.has("request_memory")) {
                out.error(j.keyLocation("mem"), "both 'mem' and 'request_memory' are set",
                        "delete 'mem'; 'request_memory' is the one that counts");
                return Optional.empty();
            }
            out.warning(j.keyLocation("mem"), "'" + j.child("mem") + "' is deprecated", "rename it to 'request_memory'");
        }
        if (!j.has(key)) {
            out.error(j.location(), "'" + j.path() + "' is missing 'request_memory'",
                    "add e.g. 'request_memory: 4096MB', or a retry ladder '2 GB, 4 GB, 8 GB'");
            return Optional.empty();
        }
        return MemoryLadders.read(j, key, out);
    }

    /**
     * The directories a rule places its files in, each a {@link DirectoryTemplate}: refused here,
     * at its line, when it could reach outside its production's own directories; then the block
     * is empty, and the rule with it.
     */
    private Optional<Map<String, String>> filesystem(MapReader fs) {
        fs.rejectUnknownKeys(FILESYSTEM_KEYS, Set.of());
        Map<String, String> values = new LinkedHashMap<>();
        boolean valid = true;
        for (String key : fs.keys()) {
            if (FILESYSTEM_KEYS.contains(key)) {
                Optional<String> usable = fs.text(key).filter(t -> placeholdersKnown(t, fs, key))
                        .filter(t -> directory(t, fs, key));
                usable.ifPresent(v -> values.put(key, v));
                valid &= usable.isPresent();
            }
        }
        return valid ? Optional.of(values) : Optional.empty();
    }

    private boolean directory(String template, MapReader fs, String key) {
        Optional<String> problem = DirectoryTemplate.problem(template);
        problem.ifPresent(p -> out.error(fs.valueLocation(key), fs.child(key) + " '" + template + "' " + p,
                "write it like sphenixprod's default, e.g. '/sphenix/data/data02/sphnxpro/{prodmode}/{period}/"
                        + "{physicsmode}/{outtriplet}/{leafdir}/{rungroup}/log'"));
        return problem.isEmpty();
    }

    private boolean batchLog(String template, MapReader j) {
        Optional<String> problem = BatchLogTemplate.problem(template);
        problem.ifPresent(p -> out.error(j.valueLocation("log"), j.child("log") + " '" + template + "' " + p,
                "write log: '{condor}/{logbase}.condor', as sphenixprod's rule files do"));
        return problem.isEmpty();
    }

    private boolean placeholdersKnown(String template, MapReader m, String key) {
        boolean known = true;
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                out.error(m.valueLocation(key), "unknown placeholder {" + name + "} in " + m.child(key),
                        DidYouMean.nearest(name, PLACEHOLDERS).map(s -> "did you mean {" + s + "}?")
                                .orElse("placeholders: " + String.join(", ", PLACEHOLDERS.stream().sorted().toList())));
                known = false;
            }
        }
        return known;
    }

    /** A key under its current name or, with a deprecation warning, under its old one. */
    private Optional<String> renamed(MapReader m, String current, String old) {
        if (m.has(old)) {
            if (m.has(current)) {
                out.error(m.keyLocation(old), "both '" + old + "' and '" + current + "' are set",
                        "delete '" + old + "'; it is the old name of '" + current + "'");
                return m.text(current);
            }
            out.warning(m.keyLocation(old), "'" + m.child(old) + "' is deprecated", "rename it to '" + current + "'");
            return m.text(old);
        }
        return m.text(current);
    }
}
