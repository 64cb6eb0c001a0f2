package gov.bnl.sphenix.production.batch.condor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 */
final class JobAdParser {

    private static final Logger log = LoggerFactory.getLogger(JobAdParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode root = JSON.readTree(json);
        if (!root.isArray()) {
            throw new IOException("expected a JSON array of job ads, got " + root.getNodeType());
        }
        List<BatchJob> jobs = new ArrayList<>(root.size());
        Set<String> others = new TreeSet<>();
        for (JsonNode ad : root) {
            String adOwner = text(ad, JobAttributes.OWNER).orElse("(no Owner)");
            if (adOwner.equals(owner)) {
                jobs.add(job(ad));
            } else {
                others.add(adOwner);
            }
        }
        return new JobAds(jobs, others);
    }

    /** What one answer held: our jobs, and the owners of ads that were not ours. */
    record JobAds(List<BatchJob> jobs, Set<String> otherOwners) {
        JobAds {
            jobs = List.copyOf(jobs);
            otherOwners = Set.copyOf(otherOwners);
        }
    }

    static BatchJob job(JsonNode ad) throws IOException {
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

    private static Optional<JobKey> key(JsonNode ad, BatchJobId id) {
        Optional<String> text = text(ad, JobAttributes.JOB_KEY);
        try {
            return text.map(JobKey::parse);
        } catch (IllegalArgumentException e) {
            log.warn("job {} carries an unreadable {}: {}", id, JobAttributes.JOB_KEY, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code MemoryUsage} is {@code ((ResidentSetSize + 1023) / 1024)}: MiB, rounded up. */
    private static OptionalInt memoryUsage(JsonNode ad) {
        OptionalInt usage = integer(ad, "MemoryUsage");
        if (usage.isPresent()) {
            return usage;
        }
        OptionalInt rssKib = integer(ad, "ResidentSetSize");
        return rssKib.isPresent() ? OptionalInt.of((rssKib.getAsInt() + 1023) / 1024) : OptionalInt.empty();
    }

    private static OptionalInt exitCode(JsonNode ad) {
        if (ad.path("ExitBySignal").asBoolean(false)) {
            OptionalInt signal = integer(ad, "ExitSignal");
            return signal.isPresent() ? OptionalInt.of(128 + signal.getAsInt()) : OptionalInt.empty();
        }
        return integer(ad, "ExitCode");
    }

    /** A number, or empty when absent or an expression. */
    private static OptionalInt integer(JsonNode ad, String name) {
        JsonNode value = ad.get(name);
        return value != null && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    private static Optional<String> text(JsonNode ad, String name) {
        JsonNode value = ad.get(name);
        if (value == null || !value.isTextual() || isExpression(value.asText())) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static Optional<Instant> time(JsonNode ad, String name) {
        OptionalInt seconds = integer(ad, name);
        return seconds.isPresent() && seconds.getAsInt() > 0 ? Optional.of(Instant.ofEpochSecond(seconds.getAsInt()))
                : Optional.empty();
    }

    static boolean isExpression(String text) {
        return text.startsWith("/Expr(") && text.endsWith(")/");
    }
}
