package gov.bnl.sphenix.production.plan;

/** A job in the batch system: HTCondor's ClusterId and ProcId, printed {@code 1234.0}. */
public record BatchJobId(long cluster, int proc) implements Comparable<BatchJobId> {

    public BatchJobId {
        if (cluster < 0 || proc < 0) {
            throw new IllegalArgumentException("cluster and proc ids are not negative: " + cluster + "." + proc);
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
