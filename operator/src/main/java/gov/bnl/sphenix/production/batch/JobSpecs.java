package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.BatchName;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleInput;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the {@link JobSpec} of one job of a production: names from the naming module, resources
 * from the rule, files from the {@link Layout}.
 *
 * <p>The payload is called with the operator's calling convention:
 * {@code <script> <nevents> <input list> <output file> <run> <segment> <histogram file>}. The input
 * list is {@value #INPUT_LIST} in its working directory (the job wrapper writes it there); it
 * writes both output files into its working directory. Today's sPHENIX run scripts are called in
 * sphenixprod's convention instead ({@link JobContract#SPHENIXPROD}).
 */
public final class JobSpecs {

    /** The input list's name in the payload's working directory. */
    public static final String INPUT_LIST = "inputs.list";

    /** Scratch disk asked for when a rule does not say. */
    public static final int DEFAULT_DISK_MIB = 2048;

    private final Layout layout;
    private final Path payloadDirectory;
    private final Map<String, String> jobEnvironment;
    private final Optional<Duration> operatorsMaxRunTime;

    /**
     * @param layout           where outputs, histograms and logs go
     * @param payloadDirectory where the rules' scripts are installed on the workers
     * @param jobEnvironment   variables every job gets, whatever its convention (a testbed's {@code PATH})
     */
    public JobSpecs(Layout layout, Path payloadDirectory, Map<String, String> jobEnvironment) {
        this(layout, payloadDirectory, jobEnvironment, Optional.empty());
    }

    private JobSpecs(Layout layout, Path payloadDirectory, Map<String, String> jobEnvironment,
                     Optional<Duration> operatorsMaxRunTime) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.payloadDirectory = Objects.requireNonNull(payloadDirectory, "payloadDirectory");
        this.jobEnvironment = Map.copyOf(jobEnvironment);
        this.operatorsMaxRunTime = operatorsMaxRunTime;
    }

    /**
     * The same, every job carrying the operators' maximum run time unless its production sets one:
     * the batch system stops a job at the limit the planner judges it by.
     */
    public JobSpecs withMaxRunTime(Duration operators) {
        return new JobSpecs(layout, payloadDirectory, jobEnvironment, Optional.of(operators));
    }

    private Optional<Duration> maxRunTime(Production production) {
        return production.limits().maxRunTime().or(() -> operatorsMaxRunTime);
    }

    public JobSpecs(Layout layout, Path payloadDirectory) {
        this(layout, payloadDirectory, Map.of());
    }

    /**
     * One job to submit.
     *
     * @param run              the run
     * @param segment          the segment
     * @param leaf             the host or stream of a per-leaf product, else {@code ""}
     * @param runtype          {@code physics}, {@code cosmics}, ...: a level of the directory tree
     * @param inputs           the input files
     * @param batchToken       the token the ledger row was written with
     * @param requestMemoryMib the rung of the memory ladder to ask for
     */
    public record Request(int run, int segment, String leaf, String runtype, List<String> inputs, String batchToken,
                          int requestMemoryMib) {
        public Request {
            Objects.requireNonNull(leaf, "leaf");
            Objects.requireNonNull(runtype, "runtype");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(batchToken, "batchToken");
        }
    }

    /** A job in the operator's calling convention (see the class comment). */
    public JobSpec of(Production production, Request request) {
        Job job = job(production, request);
        RuleJob rule = production.rule().job();
        Payload payload = new Payload(payloadDirectory.resolve(rule.script()), List.of(
                Integer.toString(rule.neventsper()),
                INPUT_LIST,
                job.dst().fileName(),
                Integer.toString(request.run()),
                Integer.toString(request.segment()),
                job.histPath().getFileName().toString()));
        return job.spec(payload, request.inputs(), JobContract.OPERATOR, jobEnvironment,
                SubmitOptions.NONE.withMaxRunTime(maxRunTime(production)), DEFAULT_DISK_MIB);
    }

    /**
     * A job in sphenixprod's calling convention: the rule's script, found among the payload files,
     * run by the batch system with {@link #sphenixprodArguments} and the helper directory in its
     * environment, and the rule's submit options and {@code request_disk}. Its outputs name the job's first DST and its HIST
     * where they end up; the script stages them (and a combiner's further segments) into the same
     * directories itself.
     */
    public JobSpec of(Production production, Request request, SphenixprodCall call) {
        Job job = job(production, request);
        Payload payload = new Payload(call.script(production.rule().job().script()),
                arguments(job, call).vector());
        OptionalLong diskKib = production.rule().job().extras().requestDiskKib();
        int diskMib = diskKib.isPresent() ? Math.toIntExact((diskKib.getAsLong() + 1023) / 1024) : DEFAULT_DISK_MIB;
        Map<String, String> environment = new TreeMap<>(jobEnvironment);
        environment.put(SphenixprodCall.SCRIPT_PATH, call.helpers().toString());
        return job.spec(payload, call.inputLines(request.inputs(), request.leaf()), JobContract.SPHENIXPROD, environment,
                SubmitOptions.of(production.rule().job()).withMaxRunTime(maxRunTime(production)), diskMib);
    }

    /**
     * The seventeen arguments and the id, with the values sphenixprod passes: the build as rule
     * files write it ({@code ana.530}), the upstream tag ({@code None} for a raw-data combiner,
     * a rule without {@code intriplet}), the leaf as DAQ host ({@code dummy} downstream), the input
     * mode ({@code seg0fromdb} or {@code allsegsfromdb} from {@code combine_seg0_only} for a
     * combiner, {@code dbinput} downstream), and the payload followed by the shipped helpers and
     * the job's input list.
     */
    public SphenixprodArguments sphenixprodArguments(Production production, Request request, SphenixprodCall call) {
        return arguments(job(production, request), call);
    }

    private static SphenixprodArguments arguments(Job job, SphenixprodCall call) {
        Production production = job.production();
        Request request = job.request();
        RuleParams params = production.rule().params();
        RuleInput input = production.rule().input();
        boolean combiner = input.intriplet().isEmpty();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("buildarg", releaseName(params.tag().build()));
        values.put("dataset", params.dataset());
        values.put("intriplet", input.intriplet().map(Tag::toString).orElse("None"));
        values.put("indsttype", String.join(",", call.indsttypes()));
        values.put("run", Integer.toString(request.run()));
        values.put("seg", Integer.toString(request.segment()));
        values.put("daqhost", request.leaf().isEmpty() ? "dummy" : request.leaf());
        values.put("inputs", !combiner ? "dbinput" : production.segments() == Segments.FIRST_ONLY ? "seg0fromdb"
                : "allsegsfromdb");
        values.put("nevents", Integer.toString(call.nevents()));
        values.put("outdir", job.dstPath().getParent().toString());
        values.put("histdir", job.histPath().getParent().toString());
        values.put("outbase", job.dst().product() + "_" + params.dataset() + "_" + params.tag());
        values.put("neventsper", Integer.toString(production.rule().job().neventsper()));
        values.put("dbtag", params.tag().dbtag());
        values.put("logbase", job.dst().stem());
        values.put("logdir", job.files().directory().toString());
        values.put("payload", call.shipped(job.files().shippedInputList()).stream().map(Path::toString)
                .collect(Collectors.joining(",")));
        return new SphenixprodArguments(values, call.dbid());
    }

    /** {@code ana530} → {@code ana.530}, the name the sPHENIX setup script takes; {@code new} stays. */
    static String releaseName(String compactBuild) {
        return RELEASE.matcher(compactBuild).replaceFirst("$1.$2");
    }

    private static final Pattern RELEASE = Pattern.compile("^([a-z]+)([0-9]+)$");

    /**
     * Throws {@link SubmitException} (nothing queued) when the production's rule places its files
     * outside the site's trees, before any of its jobs is taken for submission: the production
     * stalls with the reason until the rule or the site changes, and no job of it fails for it.
     */
    public void checkPlaces(Production production) {
        try {
            production.placedIn(layout, Layout.Role.STAGING);
        } catch (IllegalArgumentException e) {
            throw new SubmitException(production.name() + ": " + e.getMessage(), false, List.of());
        }
    }

    /** What both conventions derive alike from a production and a request. */
    private Job job(Production production, Request request) {
        Layout layout = production.placedIn(this.layout, Layout.Role.STAGING);
        RuleParams params = production.rule().params();
        OutputFile dst = new OutputFile(params.dsttype(), request.leaf().isEmpty() ? Optional.empty()
                : Optional.of(request.leaf()), params.dataset(), params.tag(), request.run(), request.segment());
        return new Job(production, request, dst, layout.dstPath(dst, request.runtype()),
                layout.histPath(dst, request.runtype()), new JobFiles(layout.logDirectory(dst, request.runtype()), dst.stem(),
                layout.batchLogPath(dst, request.runtype())));
    }

    private record Job(Production production, Request request, OutputFile dst, Path dstPath, Path histPath,
                       JobFiles files) {

        JobSpec spec(Payload payload, List<String> inputs, JobContract contract, Map<String, String> environment,
                     SubmitOptions options, int requestDiskMib) {
            RuleJob job = production.rule().job();
            JobKey key = new JobKey(production.name(), request.run(), request.segment(), request.leaf());
            return new JobSpec(key, request.batchToken(), production.rerunTokenFor(request.run()), production.namespace(),
                    request.requestMemoryMib(), job.requestCpus(), requestDiskMib, production.priority(),
                    BatchName.of(production), job.accountingGroup(), payload, inputs,
                    List.of(new JobOutput(dst.fileName(), dstPath),
                            new JobOutput(histPath.getFileName().toString(), histPath)),
                    files, contract, environment, options);
        }
    }
}
