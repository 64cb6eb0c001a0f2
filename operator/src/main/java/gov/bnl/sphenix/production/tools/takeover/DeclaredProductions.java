package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the declared production a sphenixprod row belongs to, and the row's job key in it. A row
 * names its product, dataset and tag (and the rule it was made by); its file name says the rest
 * (run, segment and, for a per-host product, the DAQ host that is the key's leaf), and must agree
 * with the row's own columns: a row that cannot be proven to be one key is not adopted.
 */
final class DeclaredProductions {

    /** A row's production and key, or why it has none. */
    sealed interface Match {
        record Found(Production production, JobKey key, OutputFile output) implements Match {
        }

        record NotFound(Optional<Production> production, String reason) implements Match {
        }
    }

    private final List<Production> productions;

    DeclaredProductions(List<Production> productions) {
        this.productions = List.copyOf(productions);
    }

    List<Production> all() {
        return productions;
    }

    Match match(SphenixprodRow row) {
        List<Production> makers = productions.stream().filter(p -> makes(p, row)).toList();
        if (makers.size() > 1) {
            List<Production> byRule = makers.stream().filter(p -> p.rule().name().equals(row.rulename())).toList();
            if (byRule.size() != 1) {
                return new Match.NotFound(Optional.empty(), "productions " + names(makers) + " all make " + row.dsttype()
                        + " " + row.dataset() + " " + row.tag() + " and rule " + row.rulename() + " tells "
                        + (byRule.isEmpty() ? "none of them" : "none apart") + "; declare only one of them");
            }
            makers = byRule;
        }
        if (makers.isEmpty()) {
            return new Match.NotFound(Optional.empty(), "no declared production makes " + row.dsttype() + " "
                    + row.dataset() + " " + row.tag());
        }
        return keyIn(makers.get(0), row);
    }

    private Match keyIn(Production production, SphenixprodRow row) {
        Optional<Production> p = Optional.of(production);
        if (row.filename().isEmpty()) {
            return new Match.NotFound(p, "the row has no filename, so its key cannot be told");
        }
        OutputFile output;
        try {
            output = OutputFile.parse(row.filename().get(), List.of(production.dsttype()));
        } catch (IllegalArgumentException e) {
            return new Match.NotFound(p, "its filename cannot be read: " + e.getMessage());
        }
        RuleParams params = production.rule().params();
        if (!output.dataset().equals(params.dataset()) || !output.tag().equals(params.tag())
                || output.run() != row.run() || (row.segment().isPresent() && row.segment().getAsInt() != output.segment())) {
            return new Match.NotFound(p, "its filename " + row.filename().get() + " disagrees with its columns (run "
                    + row.run() + ", segment " + row.segment().stream().mapToObj(String::valueOf).findFirst().orElse("none")
                    + ", dataset " + row.dataset() + ", tag " + row.tag() + ")");
        }
        if (!production.runs().contains(row.run())) {
            return new Match.NotFound(p, "run " + row.run() + " is not among the runs production " + production.name()
                    + " declares");
        }
        if (!production.segments().includes(output.segment())) {
            return new Match.NotFound(p, "segment " + output.segment() + " is not one production " + production.name()
                    + " makes (segments: " + production.segments().spelling() + ")");
        }
        JobKey key = JobKey.ofLeaf(production.name(), output.run(), output.segment(), output.leaf().orElse(""));
        return new Match.Found(production, key, output);
    }

    /** The row's product is the production's, or the production's with a DAQ host after it. */
    private static boolean makes(Production p, SphenixprodRow row) {
        RuleParams params = p.rule().params();
        return params.dataset().equals(row.dataset()) && params.tag().toString().equals(row.tag())
                && (row.dsttype().equals(params.dsttype()) || row.dsttype().startsWith(params.dsttype() + "_"));
    }

    /**
     * The {@code JobBatchName} sphenixprod gives the production's jobs, without the
     * {@code <branch>.} it puts in front: the rule's {@code batch_name} with its placeholders filled;
     * empty when the rule has none or one the import cannot fill.
     */
    static Optional<String> sphenixprodBatchName(Production production) {
        RuleParams p = production.rule().params();
        Map<String, String> values = Map.of("rule_name", production.rule().name(), "dsttype", p.dsttype(),
                "dataset", p.dataset(), "outtriplet", p.tag().toString(), "period", p.period(),
                "physicsmode", p.physicsmode());
        return production.rule().job().batchName().map(template -> {
            String name = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                name = name.replace("{" + value.getKey() + "}", value.getValue());
            }
            return name;
        }).filter(name -> !name.contains("{"));
    }

    private static String names(List<Production> productions) {
        return productions.stream().map(Production::name).collect(Collectors.joining(", "));
    }
}
