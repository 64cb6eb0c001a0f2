package gov.bnl.sphenix.production.batch.wrapper;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobOutput;
import gov.bnl.sphenix.production.batch.JobSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the job wrapper is asked to do, and its command line — written by the adapters, read by
 * the wrapper on the worker, so one class owns the format both ways:
 *
 * <pre>
 * --job-key KEY --batch-id ID --manifest FILE [--inputs BUNDLE@OFFSET+LENGTH] [--staging DIR]
 *     [--output LFN=DESTINATION]... -- SCRIPT [ARGUMENT]...
 * </pre>
 *
 * @param jobKey     printed into the manifest and the wrapper's log lines
 * @param batchId    the batch system's id of this job ({@code 1234.0}), for the manifest
 * @param manifest   where the manifest goes
 * @param inputs     where the job's input list is in its submission's input bundle; the wrapper
 *                   writes it to {@code inputs.list} in the staging directory and into the manifest
 * @param staging    the payload's working directory; by default a fresh one in the job's scratch space
 * @param outputs    what the payload must leave in the staging directory, and where it is published
 * @param script     the payload
 * @param arguments  the payload's arguments
 */
public record WrapperRequest(String jobKey, String batchId, Path manifest, Optional<InputSlice> inputs,
                             Optional<Path> staging, List<JobOutput> outputs, Path script, List<String> arguments) {

    public WrapperRequest {
        Objects.requireNonNull(jobKey, "jobKey");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(staging, "staging");
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(script, "script");
        arguments = List.copyOf(arguments);
    }

    /**
     * The request for a job. {@code batchId} may be empty when the batch system adds
     * {@code --batch-id} itself (HTCondor fills in {@code $(ClusterId).$(ProcId)}).
     */
    public static WrapperRequest of(JobSpec job, String batchId, Optional<InputSlice> inputs) {
        return new WrapperRequest(job.key().toString(), batchId, job.files().manifest(), inputs, Optional.empty(),
                job.outputs(), job.payload().script(), job.payload().arguments());
    }

    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("--job-key", jobKey));
        if (!batchId.isEmpty()) {
            args.addAll(List.of("--batch-id", batchId));
        }
        args.addAll(List.of("--manifest", manifest.toString()));
        inputs.ifPresent(slice -> args.addAll(List.of("--inputs", slice.toString())));
        staging.ifPresent(p -> args.addAll(List.of("--staging", p.toString())));
        for (JobOutput output : outputs) {
            args.add("--output");
            args.add(output.lfn() + "=" + output.destination());
        }
        args.add("--");
        args.add(script.toString());
        args.addAll(arguments);
        return args;
    }

    /** Reads a command line written by {@link #toArguments()}; throws with a usage message otherwise. */
    public static WrapperRequest parse(List<String> args) {
        String jobKey = null;
        String batchId = "";
        Path manifest = null;
        InputSlice inputs = null;
        Path staging = null;
        List<JobOutput> outputs = new ArrayList<>();
        int i = 0;
        while (i < args.size() && !args.get(i).equals("--")) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--job-key" -> jobKey = value;
                case "--batch-id" -> batchId = value;
                case "--manifest" -> manifest = Path.of(value);
                case "--inputs" -> inputs = InputSlice.parse(value);
                case "--staging" -> staging = Path.of(value);
                case "--output" -> outputs.add(output(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
            i += 2;
        }
        if (i >= args.size() - 1) {
            throw new IllegalArgumentException("the payload script is missing: end the options with -- SCRIPT [ARGUMENT]...");
        }
        if (jobKey == null || manifest == null) {
            throw new IllegalArgumentException("--job-key and --manifest are required");
        }
        return new WrapperRequest(jobKey, batchId, manifest, Optional.ofNullable(inputs), Optional.ofNullable(staging),
                outputs, Path.of(args.get(i + 1)), args.subList(i + 2, args.size()));
    }

    private static JobOutput output(String value) {
        int eq = value.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--output wants LFN=DESTINATION, got '" + value + "'");
        }
        return new JobOutput(value.substring(0, eq), Path.of(value.substring(eq + 1)));
    }
}
