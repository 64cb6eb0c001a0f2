package gov.bnl.sphenix.production.spec;

import java.util.Objects;

/** One rule of a rule set, in today's sphenixprod short format: {@code params}, {@code input}, {@code job}. */
public record Rule(String name, RuleParams params, RuleInput input, RuleJob job, SourceLocation at) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(at, "at");
    }

    /** The same rule with another job block. */
    public Rule withJob(RuleJob newJob) {
        return new Rule(name, params, input, newJob, at);
    }

    public OutputNamespace namespace() {
        return new OutputNamespace(params.dsttype(), params.dataset(), params.tag());
    }
}
