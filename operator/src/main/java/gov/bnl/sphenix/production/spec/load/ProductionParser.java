package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Limits;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.RerunToken;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleSet;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a production file — the GitOps activation that replaces today's per-host steering
 * entries: which rule, which runs, overrides, limits, and what a removal of the file does.
 */
final class ProductionParser {

    static final String API_VERSION = "production.sphenix.bnl.gov/v1alpha1";
    static final String KIND = "Production";
    static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
    static final Set<String> METADATA_KEYS = Set.of("name", "labels", "annotations");
    static final Set<String> SPEC_KEYS = Set.of("rule", "runs", "segments", "masks", "priority", "memory", "limits",
            "submit", "harvest", "onRemoval", "reruns", "contract");
    static final Set<String> RULE_KEYS = Set.of("ruleSet", "name", "inline");
    /** A job running longer than a month is stuck, whatever it builds. */
    static final int MAX_RUN_DAYS = 30;
    static final Set<String> LIMIT_KEYS = Set.of("maxQueued", "maxSubmitPerCycle", "maxRunTime");
    static final Set<String> REMOVAL_KEYS = Set.of("policy", "gracePeriod");
    static final Set<String> RERUN_KEYS = Set.of("runs", "token");

    private final SpecTree tree;
    private final Diagnostics out;
    private final Function<String, Optional<RuleSet>> ruleSets;
    private final Optional<ProductCatalogue> catalogue;
    private final RuleSetParser inlineRules;
    private final RunSelectionParser runSelection;

    /**
     * @param ruleSets  reads (and caches) a rule-set file by repository path; empty when it does not exist
     * @param catalogue the product catalogue, when the repository has one
     */
    ProductionParser(SpecTree tree, Diagnostics out, Function<String, Optional<RuleSet>> ruleSets,
                     Optional<ProductCatalogue> catalogue) {
        this.tree = tree;
        this.out = out;
        this.ruleSets = ruleSets;
        this.catalogue = catalogue;
        this.inlineRules = new RuleSetParser(tree, out);
        this.runSelection = new RunSelectionParser(tree, out);
    }

    /** A production and where its parts are written, for cross-file messages. */
    record Parsed(Production production, SourceLocation nameAt, SourceLocation ruleAt, SourceLocation runsAt,
                  SourceLocation masksAt) {
    }

    Optional<Parsed> parse(String file, Node document) {
        Optional<MapReader> top = MapReader.of(file, "", document, out);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        MapReader t = top.get();
        t.rejectUnknownKeys(TOP_KEYS, Set.of());
        t.requireKeys("apiVersion", "kind", "metadata", "spec");
        t.text("apiVersion").filter(v -> !v.equals(API_VERSION)).ifPresent(v ->
                out.error(t.valueLocation("apiVersion"), "apiVersion '" + v + "' is not supported",
                        "write 'apiVersion: " + API_VERSION + "'"));
        t.text("kind").filter(v -> !v.equals(KIND)).ifPresent(v ->
                out.error(t.valueLocation("kind"), "kind '" + v + "' is not a production",
                        "write 'kind: " + KIND + "' (files under productions/ declare productions)"));
        Optional<String> name = t.map("metadata").flatMap(this::name);
        Optional<MapReader> spec = t.map("spec");
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation nameAt = t.map("metadata").map(m -> m.valueLocation("name")).orElse(t.location());
        MapReader s = spec.get();
        return name.flatMap(n -> spec(n, file, s)).map(p -> new Parsed(p, nameAt,
                s.map("rule").map(r -> r.has("name") ? r.valueLocation("name") : r.location()).orElse(s.location()),
                s.valueLocation("runs"), s.valueLocation("masks")));
    }

    private Optional<String> name(MapReader metadata) {
        metadata.rejectUnknownKeys(METADATA_KEYS, Set.of());
        metadata.requireKeys("name");
        Optional<String> name = metadata.text("name");
        if (name.isPresent() && !name.get().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            out.error(metadata.valueLocation("name"), "name '" + name.get() + "' is not a valid resource name",
                    "use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter"
                            + " or digit (it becomes a Kubernetes resource name), e.g. "
                            + suggestName(name.get()));
            return Optional.empty();
        }
        return name;
    }

    private static String suggestName(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "my-production" : s.length() > 63 ? s.substring(0, 63) : s;
    }

    private Optional<Production> spec(String name, String file, MapReader s) {
        s.rejectUnknownKeys(SPEC_KEYS, Set.of());
        s.requireKeys("rule", "runs");
        Optional<RuleRef> rule = s.map("rule").flatMap(r -> rule(r, file));
        Optional<RunSet> runs = runSelection.parse(s, "runs", Set.of("order"));
        RunOrder order = s.map("runs").flatMap(r -> r.text("order").flatMap(o -> choice(r, "order", o, RunOrder.values(),
                RunOrder::spelling))).orElse(RunOrder.NEWEST_FIRST);
        Optional<Segments> segments = s.text("segments")
                .flatMap(v -> choice(s, "segments", v, Segments.values(), Segments::spelling));
        List<String> masks = masks(s);
        Optional<Integer> priority = s.integer("priority", -1_000_000_000, 1_000_000_000);
        Optional<MemoryLadder> memory = s.has("memory") ? MemoryLadders.read(s, "memory", out) : Optional.empty();
        Limits limits = s.map("limits").map(this::limits).orElse(Limits.DEFAULT);
        boolean submit = s.bool("submit").orElse(true);
        boolean harvest = s.bool("harvest").orElse(true);
        RemovalPolicy onRemoval = s.map("onRemoval").map(this::removal).orElse(RemovalPolicy.DEFAULT);
        List<RerunToken> reruns = reruns(s);
        Optional<JobContract> contract = s.text("contract")
                .flatMap(v -> choice(s, "contract", v, JobContract.values(), JobContract::word));
        if (rule.isEmpty() || runs.isEmpty() || s.has("contract") && contract.isEmpty()) {
            return Optional.empty();
        }
        // a production may run its rule's script in the other convention (the demo's stand-in payload)
        Rule r = contract.map(c -> rule.get().rule().withJob(rule.get().rule().job().withContract(c)))
                .orElse(rule.get().rule());
        Segments effectiveSegments = segments.orElseGet(() -> defaultSegments(r));
        return Optional.of(new Production(name, file, rule.get().ruleSetFile(), r, runs.get(), order, masks,
                effectiveSegments, priority.orElse(r.job().priority()), memory.orElse(r.job().memory()), limits,
                submit, harvest, onRemoval, reruns));
    }

    /**
     * Raw-data combiners follow the rule's {@code combine_seg0_only} (sphenixprod's default: segment 0
     * only); downstream products take every segment their inputs have.
     */
    private Segments defaultSegments(Rule rule) {
        boolean raw = catalogue.flatMap(c -> c.product(rule.params().dsttype())).map(Product::isRaw).orElse(false);
        return raw && rule.input().combineSeg0Only() ? Segments.FIRST_ONLY : Segments.ALL;
    }

    private record RuleRef(Optional<String> ruleSetFile, Rule rule) {
    }

    private Optional<RuleRef> rule(MapReader r, String file) {
        r.rejectUnknownKeys(RULE_KEYS, Set.of());
        if (r.has("inline")) {
            if (r.has("ruleSet") || r.has("name")) {
                out.error(r.keyLocation("inline"), "'spec.rule' has both 'inline' and a rule-set reference",
                        "use either 'ruleSet' + 'name', or 'inline', not both");
                return Optional.empty();
            }
            return r.map("inline")
                    .flatMap(inline -> inlineRules.parseRule("inline", inline, file))
                    .map(rule -> new RuleRef(Optional.empty(), rule));
        }
        r.requireKeys("ruleSet", "name");
        Optional<String> written = r.text("ruleSet");
        Optional<String> ruleName = r.text("name");
        if (written.isEmpty() || ruleName.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> path = RepoPath.resolve(written.get(), "", tree, "rule set", r.valueLocation("ruleSet"), out);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!tree.exists(path.get())) {
            out.error(r.valueLocation("ruleSet"), "rule set '" + path.get() + "' does not exist",
                    "check the path; it is relative to the repository root, e.g. rules/run3auau/tracking.yaml");
            return Optional.empty();
        }
        Optional<RuleSet> ruleSet = ruleSets.apply(path.get());
        if (ruleSet.isEmpty()) {
            out.error(r.valueLocation("ruleSet"), "rule set '" + path.get() + "' has errors (reported with it)",
                    "fix the rule set first");
            return Optional.empty();
        }
        Optional<Rule> rule = ruleSet.get().rule(ruleName.get());
        if (rule.isEmpty()) {
            out.error(r.valueLocation("name"), "rule '" + ruleName.get() + "' is not in " + path.get(),
                    DidYouMean.nearest(ruleName.get(), ruleSet.get().rules().keySet())
                            .map(n -> "did you mean '" + n + "'?")
                            .orElse("rules there: " + String.join(", ", ruleSet.get().rules().keySet())));
            return Optional.empty();
        }
        return Optional.of(new RuleRef(path, rule.get()));
    }

    /** Masks, with brace ranges as in the catalogue: {@code TPC{00..23}} masks all 24 TPC sectors. */
    private List<String> masks(MapReader s) {
        List<String> masks = new ArrayList<>();
        BraceExpansion braces = new BraceExpansion(out);
        for (String written : s.textList("masks")) {
            for (String mask : braces.expand(written, s.valueLocation("masks"))) {
                if (!mask.matches("[A-Za-z0-9_]+")) {
                    out.error(s.valueLocation("masks"), "mask '" + mask + "' is not a detector or host name",
                            "name a detector element (TPC17, INTT3), a host (ebdc17), a leaf (ebdc17_0) or a range (TPC{00..23})");
                }
                masks.add(mask);
            }
        }
        return masks;
    }

    private Limits limits(MapReader l) {
        l.rejectUnknownKeys(LIMIT_KEYS, Set.of());
        int maxQueued = l.integer("maxQueued", 0, 10_000_000).orElse(Limits.DEFAULT.maxQueued());
        int maxSubmit = l.integer("maxSubmitPerCycle", 0, 10_000_000).orElse(Limits.DEFAULT.maxSubmitPerCycle());
        Optional<Duration> maxRunTime = l.text("maxRunTime").flatMap(t -> {
            Optional<Duration> d = Durations.parse(t).filter(v -> v.toSeconds() >= 60 && v.toDays() <= MAX_RUN_DAYS);
            if (d.isEmpty()) {
                out.error(l.valueLocation("maxRunTime"), "maxRunTime '" + t + "' is not a duration from 1m to "
                        + MAX_RUN_DAYS + "d", "write a number with a unit: 90m, 36h or 5d; leave it out for the"
                        + " operator's maximum (3d unless the operators set another)");
            }
            return d;
        });
        return new Limits(maxQueued, maxSubmit, maxRunTime);
    }

    private RemovalPolicy removal(MapReader r) {
        r.rejectUnknownKeys(REMOVAL_KEYS, Set.of());
        RemovalPolicy.Action action = r.text("policy")
                .flatMap(p -> choice(r, "policy", p, RemovalPolicy.Action.values(), RemovalPolicy.Action::spelling))
                .orElse(RemovalPolicy.DEFAULT.action());
        Duration grace = r.text("gracePeriod").flatMap(g -> {
            Optional<Duration> d = Durations.parse(g);
            if (d.isEmpty()) {
                out.error(r.valueLocation("gracePeriod"), "gracePeriod '" + g + "' is not a duration",
                        "write a number with a unit: 90s, 30m, 24h or 7d, at most " + Durations.MAX.toDays() + "d");
            }
            return d;
        }).orElse(Duration.ZERO);
        if (r.has("gracePeriod") && !action.deletesOutputs()) {
            out.warning(r.keyLocation("gracePeriod"), "gracePeriod has no effect with policy '" + action.spelling() + "'",
                    "it delays the deletion of outputs, which only 'kill-and-delete-outputs' does");
        }
        return new RemovalPolicy(action, grace);
    }

    private List<RerunToken> reruns(MapReader s) {
        List<RerunToken> reruns = new ArrayList<>();
        Optional<List<Node>> items = s.list("reruns");
        if (items.isEmpty()) {
            return reruns;
        }
        int index = 0;
        for (Node item : items.get()) {
            String path = s.child("reruns") + "[" + index++ + "]";
            MapReader.of(s.file(), path, item, out).ifPresent(r -> {
                r.rejectUnknownKeys(RERUN_KEYS, Set.of());
                r.requireKeys("runs", "token");
                Optional<RunSet> runs = runSelection.parse(r, "runs", Set.of());
                Optional<String> token = r.text("token").filter(t -> {
                    if (!t.matches("[A-Za-z0-9._:-]{1,63}")) {
                        out.error(r.valueLocation("token"), "rerun token '" + t + "' has unusual characters",
                                "use letters, digits and . _ : - (at most 63), e.g. tpc-fix-2025-06-01");
                        return false;
                    }
                    return true;
                });
                if (runs.isPresent() && token.isPresent()) {
                    reruns.add(new RerunToken(runs.get(), token.get()));
                }
            });
        }
        return reruns;
    }

    private <E> Optional<E> choice(MapReader m, String key, String value, E[] options, Function<E, String> spelling) {
        for (E option : options) {
            if (spelling.apply(option).equals(value)) {
                return Optional.of(option);
            }
        }
        List<String> allowed = Arrays.stream(options).map(spelling).toList();
        out.error(m.valueLocation(key), m.child(key) + " '" + value + "' is not one of " + String.join(", ", allowed),
                DidYouMean.nearest(value, allowed).map(s -> "did you mean '" + s + "'?")
                        .orElse("write one of " + String.join(", ", allowed)));
        return Optional.empty();
    }
}
