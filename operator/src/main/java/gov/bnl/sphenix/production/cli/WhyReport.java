package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq.RunEvents;
import gov.bnl.sphenix.production.catalog.readiness.RunVerdict;
import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.spec.Production;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code prodctl why} prints, from the verdicts on a production's runs: a paragraph per run
 * asked about, or the waiting runs by reason with a few examples each, then the runs produced with
 * fewer events than today's share of the DAQ's count; and always the same last
 * line, {@code why: <n> runs waiting: <k> <reason>, ...; <r> ready}, for scripts and for the eye.
 */
record WhyReport(Production production, List<RunVerdict> verdicts, boolean runsAsked,
                 Optional<List<RunEvents>> events) {

    /** Examples shown per reason when no run is asked about. */
    static final int EXAMPLES = 3;

    WhyReport {
        verdicts = List.copyOf(verdicts);
    }

    /** The runs produced whose outputs hold less than today's share of the DAQ's events. */
    List<RunEvents> underTheRatio() {
        return EventsAgainstDaq.belowRatio(events.orElse(List.of()));
    }

    WaitingCounts waiting() {
        return WaitingCounts.of(verdicts);
    }

    long ready() {
        return verdicts.stream().filter(v -> !v.reason().waits()).count();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        if (runsAsked) {
            for (RunVerdict v : verdicts) {
                out.append("run ").append(v.run()).append(": ").append(v.reason().words()).append('\n')
                        .append("  ").append(v.detail()).append('\n');
            }
        } else {
            out.append(production.name()).append(" (").append(production.dsttype()).append("): ")
                    .append(verdicts.size()).append(' ').append(production.rule().params().physicsmode())
                    .append(" runs in ").append(production.runs()).append('\n');
            Map<WaitReason, List<RunVerdict>> byReason = new EnumMap<>(WaitReason.class);
            verdicts.stream().filter(v -> v.reason().waits())
                    .forEach(v -> byReason.computeIfAbsent(v.reason(), r -> new ArrayList<>()).add(v));
            byReason.forEach((reason, runs) -> {
                out.append(reason.words()).append(": ").append(runs.size() == 1 ? "1 run" : runs.size() + " runs")
                        .append('\n');
                runs.stream().limit(EXAMPLES).forEach(v -> out.append("  ").append(v.run()).append("  ")
                        .append(v.detail()).append('\n'));
                if (runs.size() > EXAMPLES) {
                    out.append("  and ").append(runs.size() - EXAMPLES).append(" more\n");
                }
            });
        }
        events.ifPresent(produced -> {
            List<RunEvents> under = underTheRatio();
            out.append("events against the DAQ: ").append(produced.isEmpty() ? "no run produced yet"
                    : produced.size() + (produced.size() == 1 ? " run" : " runs") + " produced, " + under.size()
                    + " under " + EventsAgainstDaq.TODAYS_RATIO + " of the DAQ's count").append('\n');
            under.forEach(e -> out.append("  ").append(e.run()).append("  ").append(e.produced()).append(" of ")
                    .append(e.recorded()).append(" events (").append(String.format(Locale.ROOT, "%.2f", e.ratio()))
                    .append(") in ").append(e.product()).append('\n'));
        });
        return out.append(lastLine()).append('\n').toString();
    }

    /** {@code why: 12 runs waiting: 7 not transferred, 3 below the run cuts, 2 upstream not done; 480 ready} */
    String lastLine() {
        WaitingCounts waiting = waiting();
        long n = waiting.total();
        String counts = n == 0 ? "" : ": " + waiting.byReasonInWords();
        return "why: " + (n == 1 ? "1 run" : n + " runs") + " waiting" + counts + "; " + ready() + " ready";
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("production", production.name());
        m.put("dsttype", production.dsttype());
        List<Map<String, Object>> runs = new ArrayList<>();
        verdicts.stream().filter(v -> runsAsked || v.reason().waits()).forEach(v -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", v.run());
            run.put("reason", v.reason().key());
            run.put("words", v.reason().words());
            run.put("detail", v.detail());
            runs.add(run);
        });
        m.put("runs", runs);
        Map<String, Long> waiting = new LinkedHashMap<>();
        waiting().byReason().forEach((reason, count) -> waiting.put(reason.key(), count));
        m.put("waiting", waiting);
        m.put("ready", ready());
        events.ifPresent(produced -> {
            Map<String, Object> against = new LinkedHashMap<>();
            against.put("runsProduced", produced.size());
            against.put("ratio", EventsAgainstDaq.TODAYS_RATIO);
            against.put("under", underTheRatio().stream().map(e -> {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("run", e.run());
                run.put("product", e.product());
                run.put("produced", e.produced());
                run.put("recorded", e.recorded());
                return run;
            }).toList());
            m.put("eventsAgainstDaq", against);
        });
        m.put("summary", lastLine());
        return m;
    }
}
