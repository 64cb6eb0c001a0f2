package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Draft;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Outcome;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Skipped;
import java.util.List;

/**
 * What an import of a steering file wrote, per rule, with every setting that did not carry over:
 * <pre>
 * sphnxprod01: steer.yaml:2:3: defaultlocations: {...} has no equivalent: paths of a sphenixprod installation ...
 * wrote productions/run3auau/sphnxprod01-full-calo-run3physics.yaml (sphnxprod01 Full_CALO_run3physics)
 *   steer.yaml:9:18: cut_segment: 10 has no equivalent: a production cannot sample segments; ...
 * skipped sphnxprod01 Full_JETS_run3physics (steer.yaml:12:3): no rule-set file ...
 * import steer: 1 production files written, 1 skipped, 2 settings without equivalent
 * </pre>
 */
public record SteerImportReport(List<SteerFile.Host> hosts, List<Outcome> outcomes, List<Diagnostic> problems,
        boolean dryRun) {

    public SteerImportReport {
        hosts = List.copyOf(hosts);
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
    }

    /** Did every file it meant to write validate (and, unless a dry run, get written)? */
    public boolean valid() {
        return problems.isEmpty();
    }

    public List<Draft> drafts() {
        return outcomes.stream().filter(Draft.class::isInstance).map(Draft.class::cast).toList();
    }

    public List<Skipped> skipped() {
        return outcomes.stream().filter(Skipped.class::isInstance).map(Skipped.class::cast).toList();
    }

    public List<SteerConversion.Unmapped> unmapped() {
        List<SteerConversion.Unmapped> hostDefaults = hosts.stream()
                .flatMap(h -> h.defaultLocations().stream()).map(d -> new SteerConversion.Unmapped(d.at(), d.key(),
                        d.text(), SteerConversion.HOST_DEFAULTS_WHY)).toList();
        return java.util.stream.Stream.concat(hostDefaults.stream(),
                drafts().stream().flatMap(d -> d.unmapped().stream())).toList();
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        for (SteerFile.Host host : hosts) {
            host.defaultLocations().ifPresent(d -> text.append(host.name()).append(": ")
                    .append(new SteerConversion.Unmapped(d.at(), d.key(), d.text(), SteerConversion.HOST_DEFAULTS_WHY))
                    .append('\n'));
        }
        String wrote = !valid() ? "not written" : dryRun ? "would write" : "wrote";
        for (Outcome outcome : outcomes) {
            SteerFile.Entry entry = outcome.entry();
            String which = entry.host() + " " + entry.rule();
            if (outcome instanceof Draft draft) {
                text.append(wrote).append(' ').append(draft.path()).append(" (").append(which).append(")\n");
                draft.unmapped().forEach(u -> text.append("  ").append(u).append('\n'));
            } else if (outcome instanceof Skipped skipped) {
                text.append("skipped ").append(which).append(" (").append(entry.at()).append("): ")
                        .append(skipped.reason()).append('\n');
            }
        }
        problems.forEach(p -> text.append(p).append('\n'));
        int files = valid() ? drafts().size() : 0;
        String verb = dryRun ? " would be written, " : " written, ";
        text.append("import steer: ").append(files).append(" production files").append(verb)
                .append(skipped().size()).append(" skipped, ").append(unmapped().size())
                .append(" settings without equivalent");
        if (!valid()) {
            text.append("; nothing written: ").append(problems.size())
                    .append(" errors in the production files it would write");
        }
        return text.append('\n').toString();
    }
}
