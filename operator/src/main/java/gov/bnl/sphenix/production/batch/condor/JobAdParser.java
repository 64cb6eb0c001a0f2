package gov.bnl.sphenix.production.batch.condor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code condor_q -json} and {@code condor_history -json}. Their quirks: a query that
 * matches nothing prints nothing at all ({@code condor_history} prints {@code []}); attributes that
 * are not set are left out, not null; an attribute that holds an expression comes as the string
 * {@code "/Expr(...)/"} — {@code MemoryUsage} always does, so it is computed from
 * {@code ResidentSetSize} the way HTCondor defines it.
 *
 * <p>The answer is read as a stream of tokens, one ad at a time, keeping only the flat values of
 * each ad: a queue of 50,000 jobs is tens of megabytes of JSON, and a whole document tree of it
 * cost more than the listing itself.
 */
final class JobAdParser {

    private static final Logger log = LoggerFactory.getLogger(JobAdParser.class);
    private static final JsonFactory JSON = new JsonFactory();

    private JobAdParser() {
    }

    /**
     * The jobs of {@code owner} in {@code json}, and the owners of any other ads in it. Every
     * constraint names our owner, so others' ads arrive only by mistake; they are dropped here,
     * before anything could adopt, harvest or remove them. An ad without {@code Owner} is not ours.
     */
    static JobAds parse(String json, String owner) throws IOException {
        if (json.isBlank()) {
            return new JobAds(List.of(), Set.of());
        }
        List<BatchJob> jobs = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        try (JsonParser in = JSON.createParser(json)) {
            JsonToken first = in.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array of job ads, got " + first);
            }
            for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
                if (t == null) {
                    throw new IOException("the array of job ads ends early");
                }
                if (t != JsonToken.START_OBJECT) {
                    // not an ad, so no Owner: not ours
                    in.skipChildren();
                    others.add("(no Owner)");
                    continue;
                }
                Map<String, Object> ad = ad(in);
                String adOwner = text(ad, JobAttributes.OWNER).orElse("(no Owner)");
                if (adOwner.equals(owner)) {
                    jobs.add(job(ad));
                } else {
                    others.add(adOwner);
                }
            }
        }
        return new JobAds(jobs, others);
    }

    /**
     * The flat values of one ad (numbers, strings, booleans), the parser on its opening brace.
     * Lists and nested ads are skipped: no attribute we read is one.
     */
    private static Map<String, Object> ad(JsonParser in) throws IOException {
        Map<String, Object> ad = new HashMap<>();
        for (JsonToken t = in.nextToken(); t != JsonToken.END_OBJECT; t = in.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("a job ad that ends early");
            }
            String name = in.currentName();
            JsonToken value = in.nextToken();
            if (value == null) {
                throw new IOException("a job ad that ends early");
            }
            switch (value) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ad.put(name, in.getNumberValue());
                case VALUE_STRING -> ad.put(name, in.getText());
                case VALUE_TRUE -> ad.put(name, Boolean.TRUE);
                case VALUE_FALSE -> ad.put(name, Boolean.FALSE);
                case START_ARRAY, START_OBJECT -> {
                    in.skipChildren();
                    ad.remove(name);
                }
                default -> ad.remove(name);
            }
        }
        return ad;
    }

    /** What one answer held: our jobs, and the owners of ads that were not ours. */
    record JobAds(List<BatchJob> jobs, Set<String> otherOwners) {
        JobAds {
            jobs = List.copyOf(jobs);
            otherOwners = Set.copyOf(otherOwners);
        }
    }

    static BatchJob job(Map<String, Object> ad) throws IOException {
        OptionalInt cluster = integer(ad, "ClusterId");
        OptionalInt proc = integer(ad, "ProcId");
        OptionalInt status = integer(ad, "JobStatus");
        if (cluster.isEmpty() || proc.isEmpty() || status.isEmpty()) {
            throw new IOException("a job ad without ClusterId, ProcId or JobStatus: " + ad);
        }
        BatchJobId id = new BatchJobId(cluster.getAsInt(), proc.getAsInt());
        BatchState state = Constraints.state(status.getAsInt());
        Optional<Hold> hold = state == BatchState.HELD
                ? Optional.of(new Hold(integer(ad, "HoldReasonCode").orElse(0), integer(ad, "HoldReasonSubCode").orElse(0),
                        text(ad, "HoldReason").orElse("")))
                : Optional.empty();
        return new BatchJob(id, key(ad, id), text(ad, JobAttributes.TOKEN).orElse(""),
                text(ad, JobAttributes.RERUN_TOKEN).orElse(""), state, hold,
                integer(ad, "RequestMemory").orElse(0), memoryUsage(ad), integer(ad, "NumJobStarts").orElse(0),
                time(ad, "QDate"), time(ad, "JobCurrentStartDate"), time(ad, "EnteredCurrentStatus"), exitCode(ad));
    }

    private static Optional<JobKey> key(Map<String, Object> ad, BatchJobId id) {
        Optional<String> text = text(ad, JobAttributes.JOB_KEY);
        try {
            return text.map(JobKey::parse);
        } catch (IllegalArgumentException e) {
            log.warn("job {} carries an unreadable {}: {}", id, JobAttributes.JOB_KEY, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code MemoryUsage} is {@code ((ResidentSetSize + 1023) / 1024)}: MiB, rounded up. */
    private static OptionalInt memoryUsage(Map<String, Object> ad) {
        OptionalInt usage = integer(ad, "MemoryUsage");
        if (usage.isPresent()) {
            return usage;
        }
        OptionalInt rssKib = integer(ad, "ResidentSetSize");
        return rssKib.isPresent() ? OptionalInt.of((rssKib.getAsInt() + 1023) / 1024) : OptionalInt.empty();
    }

    private static OptionalInt exitCode(Map<String, Object> ad) {
        if (bySignal(ad.get("ExitBySignal"))) {
            OptionalInt signal = integer(ad, "ExitSignal");
            return signal.isPresent() ? OptionalInt.of(128 + signal.getAsInt()) : OptionalInt.empty();
        }
        return integer(ad, "ExitCode");
    }

    /** As HTCondor writes it, a boolean; a whole number other than 0 or the text "true" count as true too. */
    private static boolean bySignal(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return !(n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) && n.longValue() != 0;
        }
        return value instanceof String text && text.strip().equals("true");
    }

    /** A number, or empty when absent or an expression. */
    private static OptionalInt integer(Map<String, Object> ad, String name) {
        return ad.get(name) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    private static Optional<String> text(Map<String, Object> ad, String name) {
        return ad.get(name) instanceof String text && !isExpression(text) ? Optional.of(text) : Optional.empty();
    }

    private static Optional<Instant> time(Map<String, Object> ad, String name) {
        OptionalInt seconds = integer(ad, name);
        return seconds.isPresent() && seconds.getAsInt() > 0 ? Optional.of(Instant.ofEpochSecond(seconds.getAsInt()))
                : Optional.empty();
    }

    static boolean isExpression(String text) {
        return text.startsWith("/Expr(") && text.endsWith(")/");
    }
}
