package gov.bnl.sphenix.production.cli.plan;

import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.control.preview.Preview;
import gov.bnl.sphenix.production.control.preview.ProductionPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import java.util.List;
import java.util.Optional;

/** A plan for a terminal: one block per production that changes or has something to do, then the totals. */
final class PlanText {

    private PlanText() {
    }

    static String render(Preview preview) {
        StringBuilder out = new StringBuilder();
        out.append("prodctl plan: ").append(preview.base()).append(" -> ").append(preview.head()).append('\n');
        preview.countsUnavailable().ifPresent(why -> out.append("job counts unavailable: ").append(why).append('\n'));
        preview.held().ifPresent(why -> out.append("held: ").append(why).append('\n'));
        int quiet = 0;
        for (SpecChange c : preview.changes()) {
            Optional<ProductionPreview> p = preview.counts().flatMap(counts -> counts.of(c.production()));
            List<String> jobs = p.map(PlanWords::jobs).orElse(List.of());
            if (c.kind() == SpecChange.Kind.UNCHANGED && !active(p)) {
                quiet++;
                continue;
            }
            out.append('\n').append(c.production()).append(": ").append(PlanWords.change(c)).append('\n');
            jobs.forEach(line -> out.append("  ").append(line).append('\n'));
            if (c.after().isPresent()) {
                out.append("  ").append(PlanWords.limits(c.spec(), preview.counts().map(n -> n.limits().maxRunTime())))
                        .append('\n');
            }
            p.ifPresent(pp -> pp.kills().stream().limit(PlanWords.LISTED).forEach(k -> out.append("    kill ")
                    .append(k.job()).append(" (").append(k.key()).append(")\n")));
            p.ifPresent(pp -> pp.deletions().blocked().stream().limit(PlanWords.LISTED).forEach(b -> out
                    .append("    keep ").append(b.file()).append(": job ").append(b.neededBy()).append(" reads it\n")));
        }
        if (quiet > 0) {
            out.append('\n').append(quiet).append(quiet == 1 ? " production is" : " productions are")
                    .append(" unchanged, with nothing to submit, kill or delete\n");
        }
        preview.counts().ifPresent(counts -> {
            out.append("\nqueue budget: ").append(counts.budget()).append(" jobs of all productions; ")
                    .append(counts.liveNow()).append(" of ours queued, running or held now; the pass submits ")
                    .append(counts.toSubmit()).append('\n');
            out.append("operating limits: ").append(OperatingLimits.describe(counts.limits())).append('\n');
            counts.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        });
        out.append(preview.lastLine()).append('\n');
        return out.toString();
    }

    /** Whether the pass does anything to the production's jobs or outputs. */
    static boolean active(Optional<ProductionPreview> p) {
        return p.map(pp -> pp.toSubmit().count() > 0 || !pp.kills().isEmpty() || pp.releases() > 0
                || pp.deletions().files() > 0 || !pp.deletions().blocked().isEmpty() || pp.awaitingHarvest() > 0)
                .orElse(false);
    }
}
