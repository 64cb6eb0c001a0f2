package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.RunSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A production file as a try declares it: the same production, selecting only the runs it tries
 * ({@code runs: {list: [...]}}), under its name plus a suffix (a pool that outlives the try
 * remembers the jobs of earlier tries under the same keys), submitting (a production declared
 * with {@code submit: off} is tried too). Everything else — rule, overrides, limits, masks — stays
 * as written; comments do not survive.
 */
final class ProductionRewrite {

    private ProductionRewrite() {
    }

    @SuppressWarnings("unchecked")
    static String rewrite(String productionFile, RunSet runs, String nameSuffix) {
        Object loaded = new Yaml(new LoaderOptions()).load(productionFile);
        if (!(loaded instanceof Map<?, ?> document)) {
            throw new IllegalArgumentException("a production file is a mapping");
        }
        Map<String, Object> production = new LinkedHashMap<>((Map<String, Object>) document);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) production.get("metadata"));
        metadata.put("name", metadata.get("name") + nameSuffix);
        production.put("metadata", metadata);
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) production.get("spec"));
        spec.put("runs", Map.of("list", List.copyOf(runs.stream().boxed().toList())));
        // a production declared but not submitting yet is tried all the same: that is what was asked
        spec.put("submit", true);
        production.put("spec", spec);
        return dump("the runs it tries", production);
    }

    /** A production of rule {@code rule} of {@code ruleSet} over the runs {@code firstRun}..{@code lastRun}. */
    static String ofRule(String name, String ruleSet, String rule, int firstRun, int lastRun) {
        Map<String, Object> production = new LinkedHashMap<>();
        production.put("apiVersion", "production.sphenix.bnl.gov/v1alpha1");
        production.put("kind", "Production");
        production.put("metadata", Map.of("name", name));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("rule", Map.of("ruleSet", ruleSet, "name", rule));
        spec.put("runs", Map.of("range", List.of(firstRun, lastRun)));
        production.put("spec", spec);
        return dump("rule " + rule + " of " + ruleSet, production);
    }

    private static String dump(String what, Map<String, Object> production) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Declared by prodctl try: " + what + ".\n" + new Yaml(options).dump(production);
    }
}
