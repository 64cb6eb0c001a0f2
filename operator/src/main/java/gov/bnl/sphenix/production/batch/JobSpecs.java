package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.BatchName;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link JobSpec} of one job of a production: names from the naming module, resources
 * from the rule, files from the {@link Layout}.
 *
 * <p>The payload is called with the operator's calling convention:
 * {@code <script> <nevents> <input list> <output file> <run> <segment> <histogram file>}. The input
 * list is {@value #INPUT_LIST} in its working directory (the job wrapper writes it there); it
 * writes both output files into its working directory. Scripts with other conventions get a thin
 * shim.
 */
public final class JobSpecs {

    /** The input list's name in the payload's working directory. */
    public static final String INPUT_LIST = "inputs.list";

    /** Scratch disk asked for when a rule does not say. */
    public static final int DEFAULT_DISK_MIB = 2048;

    private final Layout layout;
    private final Path payloadDirectory;

    /**
     * @param layout           where outputs, histograms and logs go
     * @param payloadDirectory where the rules' scripts are installed on the workers
     */
    public JobSpecs(Layout layout, Path payloadDirectory) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.payloadDirectory = Objects.requireNonNull(payloadDirectory, "payloadDirectory");
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

    public JobSpec of(Production production, Request request) {
        RuleParams params = production.rule().params();
        RuleJob job = production.rule().job();
        JobKey key = new JobKey(production.name(), request.run(), request.segment(), request.leaf());
        OutputFile dst = new OutputFile(params.dsttype(), request.leaf().isEmpty() ? Optional.empty() : Optional.of(request.leaf()),
                params.dataset(), params.tag(), request.run(), request.segment());
        Path dstPath = layout.dstPath(dst, request.runtype());
        Path histPath = layout.histPath(dst, request.runtype());
        JobFiles files = new JobFiles(layout.logDirectory(dst, request.runtype()), dst.stem());
        Payload payload = new Payload(payloadDirectory.resolve(job.script()), List.of(
                Integer.toString(job.neventsper()),
                INPUT_LIST,
                dst.fileName(),
                Integer.toString(request.run()),
                Integer.toString(request.segment()),
                histPath.getFileName().toString()));
        return new JobSpec(key, request.batchToken(), production.rerunTokenFor(request.run()), production.namespace(),
                request.requestMemoryMib(), job.requestCpus(), DEFAULT_DISK_MIB, production.priority(),
                BatchName.of(production), job.accountingGroup(), payload, request.inputs(),
                List.of(new JobOutput(dst.fileName(), dstPath),
                        new JobOutput(histPath.getFileName().toString(), histPath)),
                files);
    }
}
