package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.YamlFile;
import gov.bnl.sphenix.production.tools.takeover.SteerFile.Entry;
import gov.bnl.sphenix.production.tools.takeover.SteerFile.Setting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns one rule of a steering file into the production file that activates the same rule over
 * the same runs: {@code config} and the rule name find the rule set, {@code runs}/{@code runlist}
 * become the run selection, {@code submit}, {@code dstspider}, {@code jobprio} and {@code jobmem}
 * their equivalents. Every other setting is reported with what the operator does instead, so that
 * nobody believes a setting survived the import that did not.
 */
public final class SteerConversion {

    /** The settings sphenixprod's production control knows for a rule; anything else it refuses. */
    static final List<String> KNOWN = List.of("config", "runs", "runlist", "submit", "dstspider", "histspider",
            "finishmon", "prodbase", "configbase", "submitdir", "nevents", "jobmem", "jobprio", "force",
            "force_delete", "cut_segment", "chunk-size");

    /** Why each known setting without an equivalent has none, in the operator's words. */
    static final Map<String, String> NO_EQUIVALENT = Map.of(
            "histspider", "the operator registers a finished job's outputs, histograms included, when harvest is on"
                    + " (from dstspider)",
            "finishmon", "the operator notices finished jobs itself on every pass",
            "prodbase", "the operator runs its own code, not a sphenixprod installation",
            "configbase", "rule sets are read from the specs repository",
            "submitdir", "the operator writes no submission files to a directory",
            "nevents", "jobs process every event of their input; for a quick look write segments: first-only",
            "force", "the operator never resubmits a finished job; to redo runs write spec.reruns with a new token",
            "force_delete", "outputs are deleted only by spec.reruns or onRemoval: kill-and-delete-outputs",
            "chunk-size", "the planner takes runs newest-first and submits at most limits.maxSubmitPerCycle per pass");

    static final String HOST_DEFAULTS_WHY = "paths of a sphenixprod installation; the operator reads rule sets from the"
            + " specs repository and writes no submission files";

    private static final String RUNLISTS = "runlists/";

    private final SpecTree specs;

    public SteerConversion(SpecTree specs) {
        this.specs = specs;
    }

    /** A setting that does not carry over, and what happens instead. */
    public record Unmapped(SourceLocation at, String key, String value, String why) {
        @Override
        public String toString() {
            return at + ": " + key + ": " + value + " has no equivalent: " + why;
        }
    }

    /** What became of one rule of the steering file. */
    public sealed interface Outcome permits Draft, Skipped {
        Entry entry();
    }

    /** The production file this rule becomes: repository-relative path, name and text. */
    public record Draft(Entry entry, String path, String name, String text, List<Unmapped> unmapped)
            implements Outcome {
        public Draft {
            unmapped = List.copyOf(unmapped);
        }
    }

    /** A rule that becomes no file, and why. */
    public record Skipped(Entry entry, String reason) implements Outcome {
    }

    public Outcome convert(Entry entry) {
        Optional<Setting> config = entry.setting("config");
        if (config.isEmpty()) {
            return new Skipped(entry, "it has no config (the rule-set file), which sphenixprod requires too");
        }
        List<String> ruleSets = ruleSetsHolding(basename(config.get().text()), entry.rule());
        if (ruleSets.size() != 1) {
            return new Skipped(entry, ruleSets.isEmpty()
                    ? "no rule-set file " + basename(config.get().text()) + " under rules/ of the specs holds rule "
                            + entry.rule() + "; add the rule set to the specs repository and import again"
                    : "rule " + entry.rule() + " is in several rule-set files " + ruleSets + "; keep one");
        }
        Optional<String> runs;
        try {
            runs = runSelection(entry);
        } catch (IllegalArgumentException e) {
            return new Skipped(entry, e.getMessage());
        }
        if (runs.isEmpty()) {
            return new Skipped(entry, "it names no runs; production files need a run selection: write runs or"
                    + " a runlist in the specs repository's runlists/");
        }
        ProductionText text = new ProductionText(name(entry), ruleSets.get(0), entry.rule(), runs.get());
        List<Unmapped> unmapped = new ArrayList<>();
        try {
            text.setting("submit", bool(entry, "submit", false) ? "true" : "false");
            text.setting("harvest", bool(entry, "dstspider", true) ? "true" : "false");
            bool(entry, "histspider", true);
            bool(entry, "finishmon", false);
            entry.setting("jobprio").ifPresent(p -> text.setting("priority", String.valueOf(integer(p))));
            entry.setting("jobmem").ifPresent(m -> text.setting("memory", ProductionText.quoted(m.text())));
        } catch (IllegalArgumentException e) {
            return new Skipped(entry, e.getMessage());
        }
        for (Setting setting : entry.settings().values()) {
            unmapped(setting, entry.rule(), ruleSets.get(0)).ifPresent(unmapped::add);
        }
        String folder = area(ruleSets.get(0), entry.host());
        return new Draft(entry, SpecLoader.PRODUCTIONS + folder + "/" + text.name() + ".yaml", text.name(),
                text.render(), unmapped);
    }

    private Optional<Unmapped> unmapped(Setting setting, String rule, String ruleSet) {
        String key = setting.key();
        if (NO_EQUIVALENT.containsKey(key)) {
            return Optional.of(new Unmapped(setting.at(), key, setting.text(), NO_EQUIVALENT.get(key)));
        }
        if (key.equals("cut_segment")) {
            return Optional.of(new Unmapped(setting.at(), key, setting.text(), "a production cannot sample"
                    + " segments; set input.cut_segment: " + setting.text() + " in rule " + rule + " of " + ruleSet
                    + " (a new rule, if the rule already runs without it)"));
        }
        if (!KNOWN.contains(key)) {
            return Optional.of(new Unmapped(setting.at(), key, setting.text(), "sphenixprod does not know this"
                    + " setting either (it refuses the rule); known are " + String.join(", ", KNOWN)));
        }
        return Optional.empty();
    }

    /**
     * sphenixprod's reading of {@code runs}: one run, two runs an inclusive range, three or more a
     * list. Items may be one YAML string ({@code [69000 72000]}), as steering files often write them.
     */
    private Optional<String> runSelection(Entry entry) {
        Optional<Setting> runs = entry.setting("runs");
        Optional<Setting> runlist = entry.setting("runlist");
        if (runs.isPresent() && runlist.isPresent()) {
            throw new IllegalArgumentException("it has both runs and runlist, which sphenixprod refuses too; keep one");
        }
        if (runlist.isPresent()) {
            String name = basename(runlist.get().text());
            if (!specs.exists(RUNLISTS + name)) {
                throw new IllegalArgumentException("runlist " + runlist.get().text() + " is not in the specs"
                        + " repository: copy it to " + RUNLISTS + name + " and import again");
            }
            return Optional.of("file: " + RUNLISTS + name);
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<Long> numbers = new ArrayList<>();
        for (String item : runs.get().items()) {
            for (String word : item.trim().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    numbers.add(integer(runs.get(), word));
                }
            }
        }
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(", ", numbers.stream().map(String::valueOf).toList());
        return Optional.of((numbers.size() == 2 ? "range: [" : "list: [") + joined + "]");
    }

    private static boolean bool(Entry entry, String key, boolean absent) {
        Optional<Setting> setting = entry.setting(key);
        if (setting.isEmpty()) {
            return absent;
        }
        // YAML 1.1 booleans, as sphenixprod's yaml.safe_load reads them
        return switch (setting.get().text().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> true;
            case "false", "no", "off", "n" -> false;
            default -> throw new IllegalArgumentException(setting.get().at() + ": " + key + ": "
                    + setting.get().text() + " is not true or false, which sphenixprod refuses too");
        };
    }

    private static long integer(Setting setting) {
        return integer(setting, setting.text());
    }

    private static long integer(Setting setting, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.at() + ": " + setting.key() + ": '" + text
                    + "' is not a whole number");
        }
    }

    /** Rule-set files under rules/ with this file name that hold the rule as a top-level key. */
    private List<String> ruleSetsHolding(String fileName, String rule) {
        return specs.files().stream()
                .filter(f -> f.startsWith(SpecLoader.RULES) && SpecLoader.isYaml(f) && basename(f).equals(fileName))
                .filter(f -> holdsRule(f, rule))
                .toList();
    }

    private boolean holdsRule(String ruleSet, String rule) {
        // a rule set the loader would refuse is reported by validation; here it only has to be read
        String text = specs.read(ruleSet).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        return YamlFile.parse(text, ruleSet, new Diagnostics())
                .filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .map(m -> m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode s
                        && s.getValue().equals(rule)))
                .orElse(false);
    }

    /** The rule set's folder below rules/ (the running period, by convention), else the host. */
    private static String area(String ruleSet, String host) {
        String below = ruleSet.substring(SpecLoader.RULES.length());
        int slash = below.lastIndexOf('/');
        return slash > 0 ? below.substring(0, slash) : resourceName(host);
    }

    /** host and rule as a Kubernetes resource name: sphnxprod01-full-calo-run3physics. */
    static String name(Entry entry) {
        return resourceName(entry.host() + "-" + entry.rule());
    }

    static String resourceName(String words) {
        String name = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        return name.replaceAll("-+$", "");
    }

    private static String basename(String path) {
        String trimmed = path.trim();
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
