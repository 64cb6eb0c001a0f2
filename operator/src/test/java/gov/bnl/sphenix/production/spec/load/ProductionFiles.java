package gov.bnl.sphenix.production.spec.load;

/** Production files for tests that write their own into a copy of the example repository. */
final class ProductionFiles {

    static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";

    private ProductionFiles() {
    }

    /** A production of runs 90000–90100 with {@code rule} of {@code ruleSet}, and {@code extra} lines under spec. */
    static String production(String name, String ruleSet, String rule, String extra) {
        return """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  rule:
                    ruleSet: %s
                    name: %s
                  runs:
                    range: [90000, 90100]
                """.formatted(name, ruleSet, rule) + extra;
    }
}
