package gov.bnl.sphenix.production.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a job in sphenixprod's calling convention needs beyond what every job has, given by the
 * caller: the job's id, its input dsttypes, its event cap, the rule's payload files and the
 * helper directory.
 *
 * @param dbid       the job's id in the ledger, the last argument; it goes into every staged name
 * @param indsttypes the input dsttypes (raw hosts for a combiner), joined with commas as the fourth argument
 * @param nevents    events to process, 0 for all
 * @param payload    the rule's payload files, absolute paths on the workers; the script is the one
 *                   named like the rule's {@code script}
 * @param helpers    the helper directory on the workers ({@value #SCRIPT_PATH}): the prep, exec and
 *                   finish scripts the run scripts source, and the helpers shipped with every payload
 * @param sharedHosts for a combiner, the DAQ hosts every job of the run reads besides its own
 *                   ({@code gl1daq}); their files name them, which is how the input list tells them apart
 */
public record SphenixprodCall(long dbid, List<String> indsttypes, int nevents, List<Path> payload, Path helpers,
                              List<String> sharedHosts) {

    /** The environment variable naming the helper directory, which every run script sources from. */
    public static final String SCRIPT_PATH = "SPHENIXPROD_SCRIPT_PATH";

    /** The helpers of {@link #helpers} that go with every payload into the scratch directory, as sphenixprod adds its own. */
    public static final List<String> SHIPPED_HELPERS = List.of("stageout.sh", "create_filelist_run_daqhost.py",
            "create_full_filelist_run_seg.py", "prodop_inputs.py");

    public SphenixprodCall {
        indsttypes = List.copyOf(indsttypes);
        payload = List.copyOf(payload);
        Objects.requireNonNull(helpers, "helpers");
        if (dbid < 1) {
            throw new IllegalArgumentException("a job id is positive, got " + dbid);
        }
        if (indsttypes.isEmpty() || indsttypes.stream().anyMatch(t -> t.isEmpty() || t.contains(","))) {
            throw new IllegalArgumentException("the input dsttypes must be non-empty names without commas: " + indsttypes);
        }
        if (nevents < 0) {
            throw new IllegalArgumentException("nevents " + nevents + " is negative (0 means all events)");
        }
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("a sphenixprod job needs its payload files");
        }
        for (Path file : payload) {
            if (!file.isAbsolute()) {
                throw new IllegalArgumentException("payload files must be absolute paths on the workers: " + file);
            }
        }
        if (!helpers.isAbsolute()) {
            throw new IllegalArgumentException("the helper directory must be an absolute path on the workers: " + helpers);
        }
        sharedHosts = List.copyOf(sharedHosts);
    }

    /** A call with no shared DAQ hosts: a downstream job, or a combiner reading its own host only. */
    public SphenixprodCall(long dbid, List<String> indsttypes, int nevents, List<Path> payload, Path helpers) {
        this(dbid, indsttypes, nevents, payload, helpers, List.of());
    }

    /**
     * The lines of a job's shipped input list: a downstream job's files as they are; a combiner's
     * each with the DAQ host that wrote it, which the list helpers sort by — a shared host when the
     * file's name names it, else the job's own.
     */
    List<String> inputLines(List<String> inputs, String daqhost) {
        if (daqhost.isEmpty()) {
            return inputs;
        }
        return inputs.stream().map(input -> {
            String name = Path.of(input).getFileName().toString();
            String host = sharedHosts.stream().filter(name::contains).findFirst().orElse(daqhost);
            return input + " " + host;
        }).toList();
    }

    /** The payload file that is the rule's script, or a clear error when the payload lacks it. */
    public Path script(String name) {
        return payload.stream().filter(file -> file.endsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the script " + name + " is not among the payload files "
                        + payload));
    }

    /** What the job copies into its scratch directory: the payload, the shipped helpers, the job's input list. */
    List<Path> shipped(Path inputList) {
        List<Path> all = new ArrayList<>(payload);
        SHIPPED_HELPERS.forEach(helper -> all.add(helpers.resolve(helper)));
        all.add(inputList);
        return all;
    }
}
