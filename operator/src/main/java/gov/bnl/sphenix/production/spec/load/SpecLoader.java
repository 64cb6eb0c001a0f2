package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleSet;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.YamlFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a specs repository the way the operator will: the product catalogue at the root, every
 * rule set under {@code rules/}, every production under {@code productions/}, then the checks
 * across files. The result is all-or-nothing: any error and there is no {@link SpecRepository}.
 *
 * <p>A single file can also be checked on its own ({@link #loadFile}): a production is checked
 * against the repository it lives in; a rule-set file validates as a rule set.
 */
public final class SpecLoader {

    public static final String CATALOGUE = "catalogue.yaml";
    public static final String PRODUCTIONS = "productions/";
    public static final String RULES = "rules/";

    private final SpecTree tree;
    private final Diagnostics out = new Diagnostics();
    private final LoadGuard guard = new LoadGuard(out);
    private final Map<String, Optional<RuleSet>> ruleSetCache = new HashMap<>();
    private int filesRead;

    private SpecLoader(SpecTree tree) {
        this.tree = tree;
    }

    /** Reads and validates the whole repository. Never throws: every failure is a diagnostic. */
    public static ValidationReport load(SpecTree tree) {
        SpecLoader loader = new SpecLoader(tree);
        return loader.guarded(".", loader::loadAll);
    }

    /** Validates one file of the repository ({@code path} is repository-relative). Never throws. */
    public static ValidationReport loadFile(SpecTree tree, String path) {
        SpecLoader loader = new SpecLoader(tree);
        return loader.guarded(path, () -> loader.loadOne(path));
    }

    /** The outermost guard: what the per-file guards did not catch still becomes an invalid report. */
    private ValidationReport guarded(String file, java.util.function.Supplier<ValidationReport> load) {
        return guard.read(file, () -> Optional.of(load.get()))
                .orElseGet(() -> new ValidationReport(Optional.empty(), out.sorted(), filesRead));
    }

    private ValidationReport loadAll() {
        Optional<ProductCatalogue> catalogue = catalogue();
        List<String> files = tree.files();
        for (String file : files) {
            if (file.startsWith(RULES) && isYaml(file)) {
                ruleSet(file);
            }
        }
        List<ProductionParser.Parsed> productions = new ArrayList<>();
        ProductionParser parser = new ProductionParser(tree, out, this::ruleSet, catalogue);
        for (String file : files) {
            if (!isYaml(file) || file.equals(CATALOGUE)) {
                continue;
            }
            if (tree.isSymlink(file)) {
                out.error(SourceLocation.ofFile(file), "spec file is a symbolic link",
                        "commit the file itself; links can point outside the repository");
                continue;
            }
            if (file.startsWith(PRODUCTIONS)) {
                guard.read(file, () -> read(file).flatMap(doc -> parser.parse(file, doc))).ifPresent(productions::add);
            } else if (!file.startsWith(RULES)) {
                guard.read(file, () -> {
                    classifyStray(file);
                    return Optional.empty();
                });
            }
        }
        if (filesRead == 0) {
            out.error(SourceLocation.ofFile("."), "no spec files found",
                    "point at a specs repository: " + CATALOGUE + ", " + RULES + " and " + PRODUCTIONS);
        }
        CrossFileChecks checks = new CrossFileChecks(out, guard);
        catalogue.ifPresent(c -> {
            checks.checkRuleSets(parsedRuleSets(), c);
            checks.check(productions, c);
        });
        return report(catalogue, productions);
    }

    private ValidationReport loadOne(String path) {
        Optional<Node> doc = read(path);
        if (doc.isEmpty()) {
            return new ValidationReport(Optional.empty(), out.sorted(), filesRead);
        }
        String kind = kindOf(doc.get());
        if (ProductionParser.KIND.equals(kind)) {
            Optional<ProductCatalogue> catalogue = tree.exists(CATALOGUE) ? catalogue() : Optional.empty();
            new ProductionParser(tree, out, this::ruleSet, catalogue).parse(path, doc.get()).ifPresent(parsed ->
                    catalogue.ifPresent(c -> new CrossFileChecks(out, guard).check(List.of(parsed), c)));
        } else if (CatalogueParser.KIND.equals(kind)) {
            new CatalogueParser(out).parse(path, doc.get());
        } else {
            Optional<RuleSet> rules = new RuleSetParser(tree, out).parse(path, doc.get(), out);
            if (tree.exists(CATALOGUE)) {
                catalogue().ifPresent(c -> rules.ifPresent(r -> new CrossFileChecks(out, guard).checkRuleSets(Map.of(path, r), c)));
            }
        }
        return new ValidationReport(Optional.empty(), out.sorted(), filesRead);
    }

    private ValidationReport report(Optional<ProductCatalogue> catalogue, List<ProductionParser.Parsed> productions) {
        if (out.hasErrors() || catalogue.isEmpty()) {
            return new ValidationReport(Optional.empty(), out.sorted(), filesRead);
        }
        List<Production> resolved = productions.stream().map(ProductionParser.Parsed::production).toList();
        return new ValidationReport(Optional.of(new SpecRepository(catalogue.get(), parsedRuleSets(), resolved)),
                out.sorted(), filesRead);
    }

    private Map<String, RuleSet> parsedRuleSets() {
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        ruleSetCache.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().ifPresent(r -> sets.put(e.getKey(), r)));
        return sets;
    }

    private Optional<ProductCatalogue> catalogue() {
        if (!tree.exists(CATALOGUE)) {
            out.error(SourceLocation.ofFile(CATALOGUE), "the repository has no product catalogue",
                    "add " + CATALOGUE + " at the root, declaring which inputs each product needs");
            return Optional.empty();
        }
        return guard.read(CATALOGUE, () -> read(CATALOGUE).flatMap(doc -> new CatalogueParser(out).parse(CATALOGUE, doc)));
    }

    /** Reads a rule set once, however many productions refer to it. */
    private Optional<RuleSet> ruleSet(String path) {
        return ruleSetCache.computeIfAbsent(path, p -> {
            int errorsBefore = out.errorCount();
            Optional<RuleSet> parsed = guard.read(p, () -> read(p).flatMap(doc -> new RuleSetParser(tree, out).parse(p, doc, out)));
            return out.errorCount() > errorsBefore ? Optional.empty() : parsed;
        });
    }

    /** YAML outside productions/ and rules/: a production there would never be activated. */
    private void classifyStray(String file) {
        Optional<Node> doc = read(file);
        if (doc.isEmpty()) {
            return;
        }
        String kind = kindOf(doc.get());
        if (ProductionParser.KIND.equals(kind)) {
            out.warning(SourceLocation.ofFile(file), "a production outside " + PRODUCTIONS + " is never activated",
                    "move it under " + PRODUCTIONS);
        } else if (kind == null && looksLikeRuleSet(doc.get())) {
            ruleSet(file);
        }
    }

    private Optional<Node> read(String path) {
        Optional<byte[]> bytes = tree.read(path);
        if (bytes.isEmpty()) {
            out.error(SourceLocation.ofFile(path), "cannot read file", "check that it exists and is a regular file");
            return Optional.empty();
        }
        filesRead++;
        if (bytes.get().length > YamlFile.MAX_BYTES) {
            out.error(SourceLocation.ofFile(path), "file is " + bytes.get().length + " bytes, over the limit of "
                    + YamlFile.MAX_BYTES, "split it into smaller files");
            return Optional.empty();
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes.get())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            out.error(SourceLocation.ofFile(path), "file is not valid UTF-8", "save it as UTF-8 text");
            return Optional.empty();
        }
        return YamlFile.parse(text, path, out);
    }

    static String kindOf(Node document) {
        if (document instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals("kind")
                        && tuple.getValueNode() instanceof ScalarNode v) {
                    return v.getValue();
                }
            }
        }
        return null;
    }

    private static boolean looksLikeRuleSet(Node document) {
        if (!(document instanceof MappingNode map) || map.getValue().isEmpty()) {
            return false;
        }
        return map.getValue().stream().allMatch(t -> t.getValueNode() instanceof MappingNode rule
                && rule.getValue().stream().anyMatch(r -> r.getKeyNode() instanceof ScalarNode k
                && k.getValue().equals("params")));
    }

    public static boolean isYaml(String file) {
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

}
