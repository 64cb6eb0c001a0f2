package gov.bnl.sphenix.production.tools.takeover;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of sphenixprod's {@code production_jobs} table: one job it created, with the batch ids it
 * learnt (the cluster at submission, the process when the job started) and its status, one of
 * {@code submitting, submitted, started, running, held, evicted, failed, finished}.
 *
 * @param dbid     the row's {@code id}: the last word of the job's arguments
 * @param dsttype  as sphenixprod writes it: the product, with the DAQ host of a per-host product
 * @param filename the output's name (a path is reduced to its last part)
 */
public record SphenixprodRow(long dbid, OptionalLong clusterId, OptionalInt procId, String rulename, String tag,
                             String dataset, String dsttype, Optional<String> filename, int run,
                             OptionalInt segment, String status) {

    public SphenixprodRow {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(procId, "procId");
        Objects.requireNonNull(rulename, "rulename");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(dsttype, "dsttype");
        filename = filename.map(f -> f.substring(f.lastIndexOf('/') + 1)).filter(f -> !f.isBlank());
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(status, "status");
    }

    /** Statuses of a job sphenixprod believes is in the queue. */
    public boolean believedLive() {
        return switch (status) {
            case "submitted", "started", "running", "held" -> true;
            default -> false;
        };
    }

    /** How the report names it: {@code dbid 812 (DST_CALO_run3auau_..., run 67962 segment 42)}. */
    public String describe() {
        return "dbid " + dbid + " (" + filename.orElse(dsttype + " " + dataset + " " + tag) + ", run " + run
                + segment.stream().mapToObj(s -> " segment " + s).findFirst().orElse("") + ", " + status + ")";
    }
}
