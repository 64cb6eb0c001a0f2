package gov.bnl.sphenix.production.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.plan.Tally;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProductionStanding} as JSON, field by field: the shape {@code prodctl status --format json}
 * prints and the ledger stores, so it is written out explicitly rather than left to reflection
 * (a renamed Java field must not silently change what scripts read).
 */
public final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    public static Map<String, Object> toMap(ProductionStanding s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("production", s.production());
        m.put("dsttype", s.dsttype());
        m.put("dataset", s.dataset());
        m.put("tag", s.tag());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("revision", s.revision());
        m.put("observedAt", s.observedAt().toString());
        Map<String, Long> jobs = new LinkedHashMap<>();
        s.jobs().forEach((tally, n) -> jobs.put(tally.name().toLowerCase(Locale.ROOT), n));
        m.put("jobs", jobs);
        m.put("runsSelected", s.runsSelected());
        m.put("runsDone", s.runsDone());
        m.put("newestSubmittedRun", s.newestSubmitted().orElse(null));
        m.put("oldestPendingRun", s.oldestPending().orElse(null));
        m.put("topHoldReasons", s.topHoldReasons());
        m.put("eventsProduced", s.eventsProduced());
        m.put("outputsRegistered", s.outputsRegistered());
        m.put("errors", s.errors());
        Map<String, Long> waiting = new LinkedHashMap<>();
        s.waiting().byReason().forEach((reason, n) -> waiting.put(reason.key(), n));
        m.put("waiting", waiting);
        DaqComparison daq = s.eventsAgainstDaq();
        Map<String, Object> against = new LinkedHashMap<>();
        against.put("runsCompared", daq.runsCompared());
        against.put("eventsProduced", daq.eventsProduced());
        against.put("eventsRecorded", daq.eventsRecorded());
        against.put("runsBelowRatio", daq.runsBelowRatio());
        against.put("firstBelow", daq.firstBelow());
        m.put("eventsAgainstDaq", against);
        return m;
    }

    public static String write(ProductionStanding status) {
        return write(toMap(status));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status is plain data and always serialises", e);
        }
    }

    public static ProductionStanding read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Map<Tally, Long> jobs = new EnumMap<>(Tally.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("jobs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                jobs.put(Tally.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asLong());
            }
            Map<String, Long> holds = new LinkedHashMap<>();
            n.path("topHoldReasons").fields().forEachRemaining(e -> holds.put(e.getKey(), e.getValue().asLong()));
            List<String> errors = new ArrayList<>();
            n.path("errors").forEach(e -> errors.add(e.asText()));
            // absent in statuses written before runs were counted by reason; a reason unknown here is skipped
            Map<WaitReason, Long> waiting = new EnumMap<>(WaitReason.class);
            n.path("waiting").fields().forEachRemaining(e -> WaitReason.ofKey(e.getKey())
                    .ifPresent(reason -> waiting.put(reason, e.getValue().asLong())));
            return new ProductionStanding(n.path("production").asText(), n.path("dsttype").asText(),
                    n.path("dataset").asText(), n.path("tag").asText(),
                    ProductionStanding.State.valueOf(n.path("state").asText().toUpperCase(Locale.ROOT)),
                    n.path("revision").asText(), Instant.parse(n.path("observedAt").asText()), jobs,
                    n.path("runsSelected").asLong(), n.path("runsDone").asLong(), optionalInt(n, "newestSubmittedRun"),
                    optionalInt(n, "oldestPendingRun"), holds, n.path("eventsProduced").asLong(),
                    n.path("outputsRegistered").asLong(), errors, new WaitingCounts(waiting), daq(n.path("eventsAgainstDaq")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a production status: " + e.getMessage(), e);
        }
    }

    /** Every status the ledger keeps, by production name. */
    public static List<ProductionStanding> readAll(StatusStore store) throws SQLException {
        return store.all().values().stream().map(StatusJson::read).toList();
    }

    /** Absent (a status written before runs were compared with the DAQ): nothing compared. */
    private static DaqComparison daq(JsonNode n) {
        List<Integer> below = new ArrayList<>();
        n.path("firstBelow").forEach(run -> below.add(run.asInt()));
        return new DaqComparison(n.path("runsCompared").asLong(), n.path("eventsProduced").asLong(),
                n.path("eventsRecorded").asLong(), n.path("runsBelowRatio").asLong(), below);
    }

    private static Optional<Integer> optionalInt(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? Optional.of(v.asInt()) : Optional.empty();
    }
}
