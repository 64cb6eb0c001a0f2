package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.ProductionIdentity.Field;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import gov.bnl.sphenix.production.spec.yaml.YamlFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the author changed an identity value: the key under the rule's {@code params} in the rule
 * set (or the inline rule) when the production still points at the same rule, else the production
 * file's reference to the other rule. A {@link Production} keeps no position per value, so the
 * file is read again; should that fail, the rule's own position stands in.
 */
public final class IdentityLocations {

    /** The keys a value may be written under; older steering files name some differently. */
    private static final Map<Field, List<String>> KEYS = Map.of(
            Field.DSTTYPE, List.of("dsttype", "rulestem"),
            Field.DATASET, List.of("dataset", "outstub", "period"),
            Field.BUILD, List.of("build"),
            Field.DBTAG, List.of("dbtag"),
            Field.VERSION, List.of("version"));

    private final SpecTree head;

    /** @param head the files of the revision that makes the change */
    public IdentityLocations(SpecTree head) {
        this.head = head;
    }

    /** Where {@code field} of {@code after} is written, {@code before} being the same production as it was. */
    public SourceLocation of(Production before, Production after, Field field) {
        Optional<String> ruleSet = after.ruleSetFile();
        boolean sameRule = ruleSet.equals(before.ruleSetFile()) && after.rule().name().equals(before.rule().name());
        Optional<SourceLocation> found;
        if (ruleSet.isEmpty()) {
            found = top(after.file()).flatMap(t -> t.map("spec")).flatMap(s -> s.map("rule"))
                    .flatMap(r -> r.map("inline")).flatMap(r -> r.map("params")).map(p -> value(p, field));
        } else if (sameRule) {
            found = top(ruleSet.get()).flatMap(t -> t.map(after.rule().name())).flatMap(r -> r.map("params"))
                    .map(p -> value(p, field));
        } else {
            String changedKey = ruleSet.equals(before.ruleSetFile()) ? "name" : "ruleSet";
            found = top(after.file()).flatMap(t -> t.map("spec")).flatMap(s -> s.map("rule"))
                    .map(r -> r.valueLocation(changedKey));
        }
        return found.orElse(after.rule().at());
    }

    private static SourceLocation value(MapReader params, Field field) {
        for (String key : KEYS.get(field)) {
            if (params.has(key)) {
                return params.valueLocation(key);
            }
        }
        return params.location();
    }

    private Optional<MapReader> top(String file) {
        // the revision validated already: any finding of this second reading is not news
        Diagnostics ignored = new Diagnostics();
        return head.read(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .flatMap(text -> YamlFile.parse(text, file, ignored))
                .flatMap(node -> MapReader.of(file, "", node, ignored));
    }
}
