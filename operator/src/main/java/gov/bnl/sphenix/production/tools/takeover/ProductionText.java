package gov.bnl.sphenix.production.tools.takeover;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of an imported production file, written as a person would write it (not dumped by a
 * YAML library), so that the pull request that adds it reads like any other production.
 */
final class ProductionText {

    private final String name;
    private final String ruleSet;
    private final String rule;
    private final String runs;
    private final List<String> settings = new ArrayList<>();

    ProductionText(String name, String ruleSet, String rule, String runs) {
        this.name = name;
        this.ruleSet = ruleSet;
        this.rule = rule;
        this.runs = runs;
    }

    String name() {
        return name;
    }

    /** A line {@code key: value} under spec, in the order given. */
    void setting(String key, String value) {
        settings.add("  " + key + ": " + value + "\n");
    }

    String render() {
        return "apiVersion: production.sphenix.bnl.gov/v1alpha1\n"
                + "kind: Production\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  rule:\n"
                + "    ruleSet: " + quoted(ruleSet) + "\n"
                + "    name: " + quoted(rule) + "\n"
                + "  runs:\n"
                + "    " + runs + "\n"
                + String.join("", settings);
    }

    /** A YAML single-quoted scalar: nothing in it is read as syntax. */
    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
