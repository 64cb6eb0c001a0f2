package gov.bnl.sphenix.production.batch.condor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Live jobs that another tool submitted under our owner and named with {@code JobBatchName}
 * (sphenixprod's jobs), and the one change a take-over makes to them: putting our key ClassAds on
 * a job, so that the operator's queue reading sees it as the key's job from then on. Like every
 * other call of this adapter, both name our owner in their constraint: another user's job is never
 * read or changed.
 */
public final class BatchNamedJobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ATTRIBUTES = List.of("ClusterId", "ProcId", "JobStatus", JobAttributes.OWNER,
            "JobBatchName", "Args", "Arguments", "RequestMemory", "QDate", JobAttributes.JOB_KEY);

    /** One live job with its batch name and its arguments, word by word. */
    public record NamedJob(BatchJobId id, BatchState state, String batchName, List<String> arguments,
                           int requestMemoryMib, Optional<Instant> queuedAt, Optional<String> jobKey) {
        public NamedJob {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(batchName, "batchName");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(queuedAt, "queuedAt");
            Objects.requireNonNull(jobKey, "jobKey");
        }

        /** The same job as one of the schedd {@code name}. */
        NamedJob on(String name) {
            return new NamedJob(id.on(name), state, batchName, arguments, requestMemoryMib, queuedAt, jobKey);
        }
    }

    /** What a job is marked with: the ClassAds our own submissions carry. */
    public record Marks(JobKey key, String batchToken, String rerunToken) {
        public Marks {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(batchToken, "batchToken");
            Objects.requireNonNull(rerunToken, "rerunToken");
        }
    }

    private final CondorCli cli;
    private final CondorCommands commands;
    private final SubmitUser owner;
    private final String schedd;

    public BatchNamedJobs(CondorSettings settings) {
        this.schedd = settings.scheddLabel();
        this.cli = new CondorCli(settings);
        this.commands = new CondorCommands(settings.scheddName(), settings.pool());
        this.owner = new SubmitUser(settings.submitUser(), cli, commands);
    }

    /** The owner whose jobs are read and marked: the one the operator submits as. */
    public String owner() {
        return owner.require();
    }

    /** Our owner's queued, running and held jobs that carry a {@code JobBatchName}; throws when the queue cannot be read. */
    public List<NamedJob> live() {
        String ours = owner.require();
        String constraint = JobAttributes.OWNER + " =?= " + ClassAds.string(ours)
                + " && JobBatchName =!= undefined && member(JobStatus, {1, 2, 5, 6, 7})";
        CommandResult result = cli.run(commands.command("condor_q", "-allusers", "-json", "-constraint", constraint,
                "-attributes", String.join(",", ATTRIBUTES)));
        if (!result.succeeded()) {
            throw new BatchSystemException("cannot read the queue: " + result.describe());
        }
        try {
            return parse(result.stdout(), ours).stream().map(job -> job.on(schedd)).toList();
        } catch (IOException | IllegalArgumentException e) {
            throw new BatchSystemException("condor_q printed what we cannot read: " + e.getMessage());
        }
    }

    /**
     * Puts {@code marks} on one job, only while it is still ours, live, under {@code batchName} and
     * unmarked; false when the job no longer is (it ended, or another import marked it).
     */
    public boolean mark(NamedJob job, String production, Marks marks) {
        String constraint = JobAttributes.OWNER + " =?= " + ClassAds.string(owner.require())
                + " && ClusterId == " + job.id().cluster() + " && ProcId == " + job.id().proc()
                + " && JobBatchName =?= " + ClassAds.string(job.batchName())
                + " && " + JobAttributes.JOB_KEY + " =?= undefined && member(JobStatus, {1, 2, 5, 6, 7})";
        CommandResult result = cli.run(commands.command("condor_qedit", "-constraint", constraint,
                JobAttributes.JOB_KEY, ClassAds.string(marks.key().toString()),
                JobAttributes.PRODUCTION, ClassAds.string(production),
                JobAttributes.TOKEN, ClassAds.string(marks.batchToken()),
                JobAttributes.RERUN_TOKEN, ClassAds.string(marks.rerunToken())));
        return result.succeeded();
    }

    static List<NamedJob> parse(String json, String owner) throws IOException {
        if (json.isBlank()) {
            return List.of();
        }
        JsonNode root = JSON.readTree(json);
        if (!root.isArray()) {
            throw new IOException("expected a JSON array of job ads, got " + root.getNodeType());
        }
        List<NamedJob> jobs = new ArrayList<>();
        for (JsonNode ad : root) {
            // the constraint names our owner; an ad of anyone else is dropped, never trusted
            if (!owner.equals(ad.path(JobAttributes.OWNER).asText(null))) {
                continue;
            }
            BatchJobId id = new BatchJobId(ad.path("ClusterId").asLong(), ad.path("ProcId").asInt());
            // Args (the old syntax sphenixprod's queue files use) or Arguments (the new one)
            String arguments = ad.hasNonNull("Arguments") ? ad.get("Arguments").asText() : ad.path("Args").asText("");
            long qdate = ad.path("QDate").asLong(0);
            jobs.add(new NamedJob(id, Constraints.state(ad.path("JobStatus").asInt()), ad.path("JobBatchName").asText(),
                    arguments.isBlank() ? List.of() : List.of(arguments.strip().split("\\s+")),
                    ad.path("RequestMemory").isNumber() ? ad.get("RequestMemory").asInt() : 0,
                    qdate > 0 ? Optional.of(Instant.ofEpochSecond(qdate)) : Optional.empty(),
                    ad.hasNonNull(JobAttributes.JOB_KEY) ? Optional.of(ad.get(JobAttributes.JOB_KEY).asText())
                            : Optional.empty()));
        }
        return List.copyOf(jobs);
    }
}
