package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code prodctl try} was given: a specs repository (and which of its productions, none meaning
 * all), or a lone rule-set file of today's short format, which gets a production per rule. Either
 * way the try's specs repository holds the given repository without its productions, plus the
 * productions to try.
 */
public sealed interface SpecsToTry {

    /** Where the productions of a lone rule file are written in the try's specs repository. */
    String TRY_PRODUCTIONS = SpecLoader.PRODUCTIONS + "try/";

    /** The repository the specs live in. */
    Path root();

    /**
     * Copies the specs into the working copy and writes or keeps the productions to try; returns
     * the names asked for (empty: every production).
     *
     * {@code firstRun}..{@code lastRun} is the run selection of a production made here: every run of
     * the try's catalog.
     */
    List<String> fill(SpecsWorkspace workspace, int firstRun, int lastRun) throws IOException;

    /** A specs repository; {@code named} productions, or all of them. */
    record Directory(Path root, List<String> named) implements SpecsToTry {

        public Directory {
            named = List.copyOf(named);
        }

        @Override
        public List<String> fill(SpecsWorkspace workspace, int firstRun, int lastRun) throws IOException {
            workspace.copyTree(root, "", relative -> relative.startsWith(".git"));
            return named;
        }
    }

    /**
     * A rule-set file, {@code file} relative to {@code root} (the repository it lives in: payload
     * globs are relative to it); {@code catalogue} is the product catalogue to use when the root has none.
     */
    record RuleFile(Path root, String file, Path catalogue) implements SpecsToTry {

        @Override
        public List<String> fill(SpecsWorkspace workspace, int firstRun, int lastRun) throws IOException {
            // the repository's own productions are not what was asked for
            workspace.copyTree(root, "", relative -> relative.startsWith(".git") || relative.startsWith("productions"));
            Path catalogueCopy = workspace.workingCopy().resolve(SpecLoader.CATALOGUE);
            if (!Files.exists(catalogueCopy)) {
                Files.copy(catalogue, catalogueCopy, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> names = new ArrayList<>();
            for (String rule : ruleNames(root.resolve(file))) {
                String name = productionName(rule);
                workspace.write(TRY_PRODUCTIONS + name + ".yaml", ProductionRewrite.ofRule(name, file, rule, firstRun, lastRun));
                names.add(name);
            }
            return names;
        }

        /** The rules of a short-format file: its top-level keys, in file order. */
        private static List<String> ruleNames(Path ruleFile) throws IOException {
            try (InputStream in = Files.newInputStream(ruleFile)) {
                Object document = new Yaml(new LoaderOptions()).load(in);
                if (!(document instanceof Map<?, ?> rules) || rules.isEmpty()) {
                    throw new IllegalArgumentException(ruleFile + " holds no rules");
                }
                return rules.keySet().stream().map(String::valueOf).toList();
            }
        }
    }

    /** A rule's name as a production name: {@code Full_TRKR_CLUSTER_run3physics} → {@code full-trkr-cluster-run3physics}. */
    static String productionName(String rule) {
        String name = rule.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        name = name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
        return name.isEmpty() ? "rule" : name;
    }
}
