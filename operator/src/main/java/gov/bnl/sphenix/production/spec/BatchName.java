package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code batch_name} ({@code JobBatchName}, what {@code condor_q} groups by) with its
 * placeholders filled. The placeholders known here are the ones validation accepts, so the two
 * cannot drift apart.
 */
public final class BatchName {

    /** The placeholders a {@code batch_name} may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("dsttype", "dataset", "outtriplet", "period",
            "physicsmode", "production", "rule_name");

    private BatchName() {
    }

    /** The production's batch name; the production name when the rule has none or the result is not one word. */
    public static String of(Production production) {
        RuleParams p = production.rule().params();
        Map<String, String> values = Map.of(
                "dsttype", p.dsttype(),
                "dataset", p.dataset(),
                "outtriplet", p.tag().toString(),
                "period", p.period(),
                "physicsmode", p.physicsmode(),
                "production", production.name(),
                "rule_name", production.rule().name());
        String name = production.rule().job().batchName().orElse(production.name());
        for (String placeholder : PLACEHOLDERS) {
            name = name.replace("{" + placeholder + "}", values.get(placeholder));
        }
        // a placeholder we do not know would make an invalid name: fall back rather than fail a pass
        return CharacterRules.isSubmitWord(name) ? name : production.name();
    }
}
