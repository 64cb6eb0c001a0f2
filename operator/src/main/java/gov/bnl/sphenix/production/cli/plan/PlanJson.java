package gov.bnl.sphenix.production.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.control.preview.Preview;
import gov.bnl.sphenix.production.control.preview.ProductionPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import gov.bnl.sphenix.production.spec.Limits;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plan for scripts: every production with its change and, when known, its counts; the totals; the exit code. */
final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String render(Preview preview, int exitCode) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("base", preview.base());
        root.put("head", preview.head());
        root.put("countsAvailable", preview.counts().isPresent());
        preview.countsUnavailable().ifPresent(why -> root.put("countsUnavailable", why));
        List<Map<String, Object>> productions = new ArrayList<>();
        for (SpecChange c : preview.changes()) {
            productions.add(production(c, preview.counts().flatMap(counts -> counts.of(c.production()))));
        }
        root.put("productions", productions);
        Map<String, Object> totals = new LinkedHashMap<>();
        for (SpecChange.Kind kind : List.of(SpecChange.Kind.ADDED, SpecChange.Kind.CHANGED, SpecChange.Kind.REMOVED)) {
            totals.put(kind.word(), preview.count(kind));
        }
        preview.counts().ifPresent(counts -> {
            totals.put("jobsToSubmit", counts.toSubmit());
            totals.put("jobsToKill", counts.toKill());
            totals.put("outputsToDelete", counts.outputsToDelete());
            totals.put("outputsToDeleteAfterGrace", counts.outputsToDeleteLater());
            totals.put("queueBudget", counts.budget());
            root.put("operatingLimits", OperatingLimits.describe(counts.limits()));
            totals.put("liveJobsNow", counts.liveNow());
            root.put("notes", counts.notes());
        });
        root.put("totals", totals);
        root.put("destructive", preview.destructive());
        preview.held().ifPresent(why -> root.put("held", why));
        root.put("exitCode", exitCode);
        root.put("lastLine", preview.lastLine());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> production(SpecChange c, Optional<ProductionPreview> preview) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.production());
        m.put("change", c.kind().word());
        if (!c.fields().isEmpty()) {
            m.put("fields", c.fields());
        }
        c.removalImplies().ifPresent(r -> m.put("removal", r));
        Limits limits = c.spec().limits();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("maxQueued", limits.maxQueued());
        l.put("maxSubmitPerCycle", limits.maxSubmitPerCycle());
        limits.maxRunTime().ifPresent(d -> l.put("maxRunTimeSeconds", d.toSeconds()));
        m.put("limits", l);
        preview.ifPresent(p -> {
            ProductionPreview.Runs r = p.runs();
            m.put("runs", Map.of("selected", r.selected(), "passingCuts", r.passingCuts(),
                    "withReadyJob", r.withReadyJob()));
            m.put("jobs", Map.of("done", r.keysDone(), "inQueue", r.keysLive(), "ready", r.keysReady(),
                    "awaitingHarvest", p.awaitingHarvest()));
            Map<String, Object> submit = new LinkedHashMap<>();
            submit.put("count", p.toSubmit().count());
            submit.put("runs", p.toSubmit().runs());
            Map<String, Long> memory = new LinkedHashMap<>();
            p.toSubmit().byMemoryMib().forEach((mib, n) -> memory.put(mib + "MB", n));
            submit.put("byMemory", memory);
            Map<String, Long> causes = new LinkedHashMap<>();
            p.toSubmit().byCause().forEach((cause, n) -> causes.put(cause.name().toLowerCase(java.util.Locale.ROOT), n));
            submit.put("byCause", causes);
            m.put("submit", submit);
            Map<String, Long> waiting = new LinkedHashMap<>();
            p.waiting().byReason().forEach((reason, n) -> waiting.put(reason.words(), n));
            m.put("runsWaiting", waiting);
            m.put("release", p.releases());
            m.put("kill", p.kills().stream().map(k -> Map.of("job", k.job(), "key", k.key().toString(),
                    "reason", k.reason())).toList());
            m.put("delete", Map.of("jobs", p.deletions().keys().size(), "files", p.deletions().files(),
                    "bytes", p.deletions().bytes(), "blocked", p.deletions().blocked().stream()
                            .map(b -> Map.of("output", b.output().toString(), "file", b.file(),
                                    "neededBy", b.neededBy().toString())).toList()));
            p.afterGrace().ifPresent(later -> m.put("deleteAfterGrace", Map.of("files", later.files(),
                    "bytes", later.bytes())));
        });
        return m;
    }
}
