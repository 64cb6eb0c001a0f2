package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.SubmitOptions;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.wrapper.WrapperRequest;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The submit description of one cluster: the settings every job shares once, then one line per
 * job in {@code queue … from ( … )}, so a thousand jobs are one {@code condor_submit} and one
 * cluster. Job i of the item list becomes ProcId i.
 *
 * <p>Every job carries our ClassAds (production, job key, batch token, rerun token, dsttype,
 * dataset, tag, run, segment) so every query can be a narrow constraint, and the policy holds:
 * memory usage above the request (code 3, subcode 34 — HTCondor's own memory policy holds with
 * 21/102, we recognise both), more starts than allowed (35), too long a run (36). Logs are written
 * straight into the log directory on the shared file system: nothing is transferred back.
 *
 * <p>A job in the operator's convention runs the job wrapper; one in sphenixprod's runs its
 * script directly with its arguments and environment, as sphenixprod submits it. Either carries
 * the rule's submit options ({@link SubmitOptions}).
 */
final class SubmitDescription {

    /** Per-job values, in this order; the last one takes the rest of the line, spaces included. */
    static final List<String> ITEM_VARIABLES = List.of("ProdOpJobKey", "ProdOpToken", "ProdOpRerunToken",
            "ProdOpRun", "ProdOpSegment", "ProdOpRequestMemory", "ProdOpLogDir", "ProdOpStem", "ProdOpBatchLog",
            "ProdOpArguments");

    private SubmitDescription() {
    }

    /** The description for jobs that share a {@link ClusterShape}, with their input lists' places. */
    static String render(List<JobSpec> jobs, Map<JobKey, InputSlice> inputs, WrapperLaunch wrapper, JobPolicy policy) {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one job");
        }
        ClusterShape shape = ClusterShape.of(jobs.get(0));
        for (JobSpec job : jobs) {
            if (!ClusterShape.of(job).equals(shape)) {
                throw new IllegalArgumentException(job.key() + " does not share the cluster settings of " + jobs.get(0).key());
            }
        }
        StringBuilder s = new StringBuilder(512 + 400 * jobs.size());
        s.append("# ").append(jobs.size()).append(jobs.size() == 1 ? " job" : " jobs").append(" of production ")
                .append(shape.production()).append(", written by the sPHENIX production operator\n");
        line(s, "universe", "vanilla");
        boolean wrapped = shape.contract() == JobContract.OPERATOR;
        // in sphenixprod's convention the run script is the job, as sphenixprod submits it
        line(s, "executable", wrapped ? wrapper.executable() : shape.script().toString());
        line(s, "transfer_executable", "false");
        // workers write logs and outputs to shared file systems themselves: nothing comes back here
        line(s, "should_transfer_files", "NO");
        line(s, "initialdir", "$(ProdOpLogDir)");
        line(s, "arguments", wrapped ? "\"" + SubmitArguments.quote(wrapper.launchArguments())
                + " --batch-id $(ClusterId).$(ProcId) $(ProdOpArguments)\"" : "\"$(ProdOpArguments)\"");
        if (!shape.environment().isEmpty()) {
            line(s, "environment", "\"" + shape.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")) + "\"");
        }
        line(s, "output", "$(ProdOpLogDir)/$(ProdOpStem).out");
        line(s, "error", "$(ProdOpLogDir)/$(ProdOpStem).err");
        line(s, "log", "$(ProdOpBatchLog)");
        line(s, "notification", "never");
        line(s, "request_memory", "$(ProdOpRequestMemory)");
        line(s, "request_cpus", Integer.toString(shape.requestCpus()));
        line(s, "request_disk", shape.requestDiskMib() + "MB");
        line(s, "priority", Integer.toString(shape.priority()));
        line(s, "batch_name", shape.batchName());
        shape.accountingGroup().ifPresent(g -> line(s, "accounting_group", g));
        options(s, shape.options());
        line(s, "+" + JobAttributes.PRODUCTION, ClassAds.string(shape.production()));
        line(s, "+" + JobAttributes.JOB_KEY, "\"$(ProdOpJobKey)\"");
        line(s, "+" + JobAttributes.TOKEN, "\"$(ProdOpToken)\"");
        line(s, "+" + JobAttributes.RERUN_TOKEN, "$(ProdOpRerunToken)");
        line(s, "+" + JobAttributes.DSTTYPE, ClassAds.string(shape.namespace().dsttype()));
        line(s, "+" + JobAttributes.DATASET, ClassAds.string(shape.namespace().dataset()));
        line(s, "+" + JobAttributes.TAG, ClassAds.string(shape.namespace().tag().toString()));
        line(s, "+" + JobAttributes.RUN, "$(ProdOpRun)");
        line(s, "+" + JobAttributes.SEGMENT, "$(ProdOpSegment)");
        policy(s, policy, shape.options());
        s.append("queue ").append(String.join(",", ITEM_VARIABLES)).append(" from (\n");
        for (JobSpec job : jobs) {
            s.append(item(job, Optional.ofNullable(inputs.get(job.key())))).append('\n');
        }
        s.append(")\n");
        return s.toString();
    }

    /**
     * The rule's own submit options, as sphenixprod writes them: {@code request_xferslots} becomes
     * HTCondor's {@code RequestXferslots} (and a match only with slots that advertise that
     * resource). Its {@code periodichold} joins the operator's in {@link #policy}.
     */
    private static void options(StringBuilder s, SubmitOptions options) {
        if (options.requestXferslots() > 0) {
            line(s, "request_xferslots", Integer.toString(options.requestXferslots()));
        }
        options.accountingGroupUser().ifPresent(u -> line(s, "accounting_group_user", u));
        options.requirements().ifPresent(r -> line(s, "requirements", r));
        options.concurrencyLimits().ifPresent(c -> line(s, "concurrency_limits", c));
        options.periodicRemove().ifPresent(r -> line(s, "periodic_remove", r));
        // condor_submit has no such command (it warns and drops it, as under sphenixprod): a job
        // attribute keeps the rule's note where condor_q -l shows it
        options.comment().ifPresent(c -> line(s, "+" + JobAttributes.COMMENT, ClassAds.string(c)));
    }

    /**
     * The operator's holds, and the rule's {@code periodichold} beside them ({@code ||}, so that
     * neither is lost): a job held by the rule's expression gets subcode 0 and says so.
     */
    private static void policy(StringBuilder s, JobPolicy policy, SubmitOptions options) {
        Optional<String> ruleHold = options.periodicHold();
        line(s, "+" + JobAttributes.MAX_STARTS, Integer.toString(policy.maxStarts()));
        // a production's own maximum (long event builders) replaces the operator's for its jobs
        line(s, "+" + JobAttributes.MAX_RUN_SECONDS,
                Long.toString(options.maxRunTime().orElse(policy.maxRunTime()).toSeconds()));
        line(s, "+" + JobAttributes.MEMORY_EXCEEDED, policy.holdOnMemoryExceeded()
                ? "(JobStatus == 2 && MemoryUsage =!= undefined && MemoryUsage > RequestMemory)" : "false");
        // every release after a hold is one more start that is not a restart after eviction; checked
        // while running too, since an evicted job is matched again within a negotiation cycle
        line(s, "+" + JobAttributes.TOO_MANY_STARTS, "((JobStatus == 1 || JobStatus == 2) && NumJobStarts > "
                + JobAttributes.MAX_STARTS + " + ifThenElse(NumHolds =!= undefined, NumHolds, 0))");
        line(s, "+" + JobAttributes.RUN_TOO_LONG, "(JobStatus == 2 && time() - JobCurrentStartDate > "
                + JobAttributes.MAX_RUN_SECONDS + ")");
        String ours = JobAttributes.MEMORY_EXCEEDED + " || " + JobAttributes.TOO_MANY_STARTS + " || "
                + JobAttributes.RUN_TOO_LONG;
        String runTooLong = "strcat(\"running for \", time() - JobCurrentStartDate, "
                + "\" s, longer than the maximum of \", " + JobAttributes.MAX_RUN_SECONDS + ", \" s\")";
        String lastSubcode = "36";
        String lastReason = runTooLong;
        if (ruleHold.isPresent()) {
            line(s, "+" + JobAttributes.RULE_HOLD, "(" + ruleHold.get() + ")");
            ours = ours + " || " + JobAttributes.RULE_HOLD;
            lastSubcode = "ifThenElse(" + JobAttributes.RUN_TOO_LONG + ", 36, 0)";
            lastReason = "ifThenElse(" + JobAttributes.RUN_TOO_LONG + ", " + runTooLong
                    + ", \"the rule's periodichold expression became true\")";
        }
        line(s, "periodic_hold", ours);
        line(s, "periodic_hold_subcode", "ifThenElse(" + JobAttributes.MEMORY_EXCEEDED + ", 34, ifThenElse("
                + JobAttributes.TOO_MANY_STARTS + ", 35, " + lastSubcode + "))");
        line(s, "periodic_hold_reason", "ifThenElse(" + JobAttributes.MEMORY_EXCEEDED
                + ", strcat(\"memory usage \", MemoryUsage, \" MB exceeded request_memory \", RequestMemory, \" MB\"), ifThenElse("
                + JobAttributes.TOO_MANY_STARTS + ", strcat(\"started \", NumJobStarts, \" times, more than the \", "
                + JobAttributes.MAX_STARTS + ", \" allowed\"), " + lastReason + "))");
    }

    /** One line of the item list: single words separated by commas, the wrapper's arguments last. */
    static String item(JobSpec job, Optional<InputSlice> inputs) {
        String logDir = itemPath(job, "log directory", job.files().directory());
        String batchLog = itemPath(job, "batch log", job.files().batchLog());
        List<String> arguments = job.contract() == JobContract.OPERATOR
                ? WrapperRequest.of(job, "", inputs).toArguments() : job.payload().arguments();
        return String.join(",", job.key().toString(), job.batchToken(), ClassAds.string(job.rerunToken()),
                Integer.toString(job.key().run()), Integer.toString(job.key().segment()),
                Integer.toString(job.requestMemoryMib()), logDir, job.files().stem(), batchLog,
                SubmitArguments.quote(arguments));
    }

    private static String itemPath(JobSpec job, String what, Path path) {
        String text = path.toString();
        if (text.contains(",") || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(job.key() + ": the " + what + " '" + text
                    + "' cannot go into a submit item list (no commas or spaces)");
        }
        return text;
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(String.format(Locale.ROOT, "%-24s= %s%n", name, value).replace(System.lineSeparator(), "\n"));
    }

    /** What the jobs of one cluster must share; jobs that differ go into separate clusters. */
    record ClusterShape(String production, OutputNamespace namespace, int requestCpus,
                        int requestDiskMib, int priority, String batchName, Optional<String> accountingGroup,
                        JobContract contract, Path script, Map<String, String> environment, SubmitOptions options) {
        ClusterShape {
            Objects.requireNonNull(production, "production");
        }

        static ClusterShape of(JobSpec job) {
            return new ClusterShape(job.production(), job.namespace(), job.requestCpus(), job.requestDiskMib(),
                    job.priority(), job.batchName(), job.accountingGroup(), job.contract(), job.payload().script(),
                    job.environment(), job.options());
        }
    }
}
