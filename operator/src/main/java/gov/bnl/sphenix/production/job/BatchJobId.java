package gov.bnl.sphenix.production.job;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job in the batch system: HTCondor's ClusterId and ProcId, printed {@code 1234.0}, and the
 * schedd that holds it when the source names its schedds. Each schedd numbers its clusters from 1,
 * so with several schedds {@code 1234.0} may be two jobs: the name tells them apart (printed
 * {@code second@submit02#1234.0}, as HTCondor's GlobalJobId starts). The local executor and an
 * unnamed (the tools' default) schedd leave it empty.
 */
public record BatchJobId(long cluster, int proc, String schedd) implements Comparable<BatchJobId> {

    private static final Pattern SCHEDD = Pattern.compile("[A-Za-z0-9_.@-]*");

    public BatchJobId {
        if (cluster < 0 || proc < 0) {
            throw new IllegalArgumentException("cluster and proc ids are not negative: " + cluster + "." + proc);
        }
        Objects.requireNonNull(schedd, "schedd");
        if (!SCHEDD.matcher(schedd).matches()) {
            throw new IllegalArgumentException("'" + schedd + "' is not a schedd name");
        }
    }

    /** A job of the unnamed schedd (or of the local executor). */
    public BatchJobId(long cluster, int proc) {
        this(cluster, proc, "");
    }

    /** {@code 1234.0}, or {@code schedd#1234.0} for a job of a named schedd. */
    public static BatchJobId parse(String text) {
        String id = text == null ? "" : text;
        int hash = id.lastIndexOf('#');
        String schedd = hash < 0 ? "" : id.substring(0, hash);
        String local = id.substring(hash + 1);
        int dot = local.indexOf('.');
        if (dot < 1 || hash == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a job id like 1234.0 or schedd#1234.0");
        }
        try {
            return new BatchJobId(Long.parseLong(local.substring(0, dot)), Integer.parseInt(local.substring(dot + 1)),
                    schedd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a job id like 1234.0 or schedd#1234.0", e);
        }
    }

    /** The same cluster and proc, as a job of the schedd {@code name}. */
    public BatchJobId on(String name) {
        return name.equals(schedd) ? this : new BatchJobId(cluster, proc, name);
    }

    @Override
    public int compareTo(BatchJobId other) {
        int bySchedd = schedd.compareTo(other.schedd);
        if (bySchedd != 0) {
            return bySchedd;
        }
        return cluster != other.cluster ? Long.compare(cluster, other.cluster) : Integer.compare(proc, other.proc);
    }

    @Override
    public String toString() {
        return schedd.isEmpty() ? cluster + "." + proc : schedd + "#" + cluster + "." + proc;
    }
}
