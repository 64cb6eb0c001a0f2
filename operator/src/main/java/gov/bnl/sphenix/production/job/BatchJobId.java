package gov.bnl.sphenix.production.job;

/**
 * A job in the batch system: HTCondor's ClusterId and ProcId, printed {@code 1234.0}. The local
 * executor numbers its jobs the same way (one cluster per submission).
 */
public record BatchJobId(long cluster, int proc) implements Comparable<BatchJobId> {

    public BatchJobId {
        if (cluster < 0 || proc < 0) {
            throw new IllegalArgumentException("cluster and proc ids are not negative: " + cluster + "." + proc);
        }
    }

    public static BatchJobId parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a job id like 1234.0");
        }
        try {
            return new BatchJobId(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a job id like 1234.0", e);
        }
    }

    @Override
    public int compareTo(BatchJobId other) {
        return cluster != other.cluster ? Long.compare(cluster, other.cluster) : Integer.compare(proc, other.proc);
    }

    @Override
    public String toString() {
        return cluster + "." + proc;
    }
}
