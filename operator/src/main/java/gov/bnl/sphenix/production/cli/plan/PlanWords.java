package gov.bnl.sphenix.production.cli.plan;

import gov.bnl.sphenix.production.control.preview.ProductionPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import gov.bnl.sphenix.production.plan.SubmitCause;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.Limits;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences of a plan, shared by its text and markdown forms so both say the same thing in the
 * same words: what a revision does to a production's spec, and what the next pass does to its jobs.
 */
public final class PlanWords {

    /** Runs listed one by one up to this many; beyond, the span and the count. */
    private static final int RUNS_LISTED = 12;
    /** Kills and blocked deletions listed one by one up to this many. */
    static final int LISTED = 20;

    private PlanWords() {
    }

    /** {@code changed: runs, rule.job.nevents} / {@code added} / {@code removed: its jobs are killed ...}. */
    static String change(SpecChange c) {
        return switch (c.kind()) {
            case CHANGED -> "changed: " + String.join(", ", c.fields());
            case REMOVED, WINDING_DOWN -> c.kind().word() + ": " + c.removalImplies().orElse("");
            default -> c.kind().word();
        };
    }

    /** The lines about one production's jobs, without the production's name. */
    static List<String> jobs(ProductionPreview p) {
        List<String> lines = new ArrayList<>();
        ProductionPreview.Runs r = p.runs();
        if (p.change().after().isPresent()) {
            lines.add("runs: " + r.selected() + " selected" + (r.passingCuts() >= 0 ? ", " + r.passingCuts()
                    + " known to the catalogs and passing the run cuts, " + r.withReadyJob() + " with a job ready" : "")
                    + "; jobs: " + r.keysDone() + " done, " + r.keysLive() + " in the queue, " + r.keysReady()
                    + " ready");
            if (p.waiting().total() > 0) {
                lines.add(p.waiting().summary() + " (prodctl why " + p.production() + " tells each)");
            }
        }
        ProductionPreview.Submissions s = p.toSubmit();
        if (s.count() > 0) {
            long waiting = Math.max(0, r.keysReady() - s.count());
            lines.add("submit " + Words.count(s.count(), "job") + " (" + runs(s.runs()) + ") at " + memory(s.byMemoryMib())
                    + causes(s.byCause()) + (waiting > 0 ? "; " + waiting + " more ready wait for the queue budget or"
                    + " the production's cap" : ""));
        } else if (r.keysReady() > 0) {
            lines.add("submit nothing: " + r.keysReady() + " ready jobs wait for the queue budget or the production's cap");
        }
        if (p.releases() > 0) {
            lines.add("release " + Words.count(p.releases(), "held job"));
        }
        if (!p.kills().isEmpty()) {
            lines.add("kill " + Words.count(p.kills().size(), "job") + ": " + reasons(p.kills()));
        }
        ProductionPreview.Deletions d = p.deletions();
        if (d.files() > 0) {
            lines.add("delete " + Words.count(d.files(), "output") + " (" + bytes(d.bytes()) + ") of "
                    + Words.count(d.keys().size(), "job"));
        }
        p.afterGrace().ifPresent(later -> lines.add("after its grace period, delete " + Words.count(later.files(),
                "output") + " (" + bytes(later.bytes()) + ", as catalogued now)"));
        if (!d.blocked().isEmpty()) {
            lines.add("not deleting " + Words.count(d.blocked().size(), "output") + " that live jobs still read");
        }
        if (p.awaitingHarvest() > 0) {
            lines.add(Words.count(p.awaitingHarvest(), "job") + " finished and await their harvest, which the pass does"
                    + " first (it may make more jobs ready than counted here)");
        }
        return lines;
    }

    /**
     * {@code limits: at most 40 queued, 20 submitted per pass, jobs stopped after 5 d (its own)}; the
     * operator's maximum run time when the production sets none and it is known.
     */
    public static String limits(Production spec, Optional<Duration> operators) {
        Limits l = spec.limits();
        String runTime = l.maxRunTime().map(d -> Words.duration(d) + " (its own)")
                .or(() -> operators.map(d -> Words.duration(d) + " (the operator's)"))
                .orElse("the operator's maximum");
        return "limits: at most " + l.maxQueued() + " queued, " + l.maxSubmitPerCycle() + " submitted per pass, jobs"
                + " stopped after " + runTime;
    }

    /** {@code runs 66040–66123 (17 runs)} or {@code runs 66040, 66041}. */
    static String runs(List<Integer> runs) {
        if (runs.size() == 1) {
            return "run " + runs.get(0);
        }
        if (runs.size() <= RUNS_LISTED) {
            return "runs " + runs.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "runs " + runs.get(0) + "–" + runs.get(runs.size() - 1) + ", " + runs.size() + " runs";
    }

    static String memory(Map<Integer, Long> byMemory) {
        if (byMemory.size() == 1) {
            return Words.memory(byMemory.keySet().iterator().next());
        }
        return byMemory.entrySet().stream().map(e -> e.getValue() + " at " + Words.memory(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String causes(Map<SubmitCause, Long> byCause) {
        if (byCause.keySet().equals(java.util.Set.of(SubmitCause.NEW))) {
            return "";
        }
        return "; " + byCause.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT) + " (" + e.getKey().words() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The distinct reasons of the kills, most frequent first, with their counts. */
    static String reasons(List<ProductionPreview.Kill> kills) {
        Map<String, Long> byReason = kills.stream().collect(Collectors.groupingBy(ProductionPreview.Kill::reason,
                java.util.LinkedHashMap::new, Collectors.counting()));
        return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> (byReason.size() == 1 ? "" : e.getValue() + " ") + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /** {@code 1.5 GB}, {@code 320 MB}, {@code 12 kB}, {@code 17 B} (decimal, as storage quotas count). */
    static String bytes(long n) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
