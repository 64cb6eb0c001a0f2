package gov.bnl.sphenix.production.cli.plan;

import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.control.preview.Preview;
import gov.bnl.sphenix.production.control.preview.ProductionPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A plan as a pull-request comment: a hidden marker (so a workflow can find and update its own
 * comment), a summary table, then one folded block of details per production, and the totals.
 */
final class PlanMarkdown {

    /** The first line of every plan comment; workflows look for it to update the comment in place. */
    static final String MARKER = "<!-- prodctl-plan -->";

    private PlanMarkdown() {
    }

    static String render(Preview preview) {
        StringBuilder md = new StringBuilder();
        md.append(MARKER).append('\n');
        md.append("### prodctl plan: `").append(preview.base()).append("` → `").append(preview.head()).append("`\n\n");
        if (preview.destructive()) {
            md.append("> [!WARNING]\n> Merging kills jobs or deletes outputs: read the details before approving.\n\n");
        }
        preview.held().ifPresent(why -> md.append("> [!CAUTION]\n> ").append(escape(why)).append("\n\n"));
        preview.countsUnavailable().ifPresent(why -> md.append("_Job counts unavailable: ").append(escape(why))
                .append("._\n\n"));
        md.append("| production | change | submit | kill | delete | jobs done / in queue / ready |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        int quiet = 0;
        for (SpecChange c : preview.changes()) {
            Optional<ProductionPreview> p = preview.counts().flatMap(counts -> counts.of(c.production()));
            if (c.kind() == SpecChange.Kind.UNCHANGED && !PlanText.active(p)) {
                quiet++;
                continue;
            }
            md.append("| `").append(c.production()).append("` | ").append(c.kind().word()).append(" | ")
                    .append(p.map(pp -> String.valueOf(pp.toSubmit().count())).orElse("?")).append(" | ")
                    .append(p.map(pp -> String.valueOf(pp.kills().size())).orElse("?")).append(" | ")
                    .append(p.map(PlanMarkdown::deleted).orElse("?")).append(" | ")
                    .append(p.map(pp -> pp.runs().keysDone() + " / " + pp.runs().keysLive() + " / "
                            + pp.runs().keysReady()).orElse("?")).append(" |\n");
        }
        if (quiet > 0) {
            md.append("\n").append(quiet).append(quiet == 1 ? " production is" : " productions are")
                    .append(" unchanged, with nothing to submit, kill or delete.\n");
        }
        md.append('\n');
        Optional<Duration> operatorsMaxRunTime = preview.counts().map(n -> n.limits().maxRunTime());
        for (SpecChange c : preview.effective()) {
            details(md, c, preview.counts().flatMap(counts -> counts.of(c.production())), operatorsMaxRunTime);
        }
        for (SpecChange c : preview.changes()) {
            Optional<ProductionPreview> p = preview.counts().flatMap(counts -> counts.of(c.production()));
            if (c.kind() == SpecChange.Kind.UNCHANGED && PlanText.active(p)) {
                details(md, c, p, operatorsMaxRunTime);
            }
        }
        preview.counts().ifPresent(counts -> {
            md.append("Queue budget: ").append(counts.budget()).append(" jobs of all productions; ")
                    .append(counts.liveNow()).append(" of ours queued, running or held now. Operating limits: ")
                    .append(escape(OperatingLimits.describe(counts.limits()))).append(".\n\n");
            counts.notes().forEach(n -> md.append("- note: ").append(escape(n)).append('\n'));
            if (!counts.notes().isEmpty()) {
                md.append('\n');
            }
        });
        md.append('`').append(preview.lastLine()).append("`\n");
        return md.toString();
    }

    private static String deleted(ProductionPreview p) {
        long later = p.afterGrace().map(ProductionPreview.Deletions::files).orElse(0L);
        return p.deletions().files() + (later > 0 ? " (+" + later + " later)" : "");
    }

    private static void details(StringBuilder md, SpecChange c, Optional<ProductionPreview> p,
                                Optional<Duration> operatorsMaxRunTime) {
        md.append("<details><summary><code>").append(c.production()).append("</code>: ")
                .append(escape(PlanWords.change(c))).append("</summary>\n\n");
        p.map(PlanWords::jobs).orElse(List.of()).forEach(line -> md.append("- ").append(escape(line)).append('\n'));
        if (c.after().isPresent()) {
            md.append("- ").append(escape(PlanWords.limits(c.spec(), operatorsMaxRunTime))).append('\n');
        }
        p.ifPresent(pp -> {
            pp.kills().stream().limit(PlanWords.LISTED).forEach(k -> md.append("  - kill `").append(k.job())
                    .append("` (`").append(k.key()).append("`)\n"));
            if (pp.kills().size() > PlanWords.LISTED) {
                md.append("  - … and ").append(pp.kills().size() - PlanWords.LISTED).append(" more\n");
            }
            pp.deletions().blocked().stream().limit(PlanWords.LISTED).forEach(b -> md.append("  - keep `")
                    .append(b.file()).append("`: job `").append(b.neededBy()).append("` reads it\n"));
        });
        md.append("\n</details>\n\n");
    }

    /** Text from specs and catalogs goes into the comment as text, never as markup or HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("`", "'").replace("*", "\\*").replace("_", "\\_");
    }
}
