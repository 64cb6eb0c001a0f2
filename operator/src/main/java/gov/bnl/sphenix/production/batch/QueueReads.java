package gov.bnl.sphenix.production.batch;

/**
 * How often a batch system's queue and its history were read: one of each per schedd and pass is
 * the target, however many productions the pass plans.
 *
 * @param queue   queue listings ({@code condor_q})
 * @param history history listings ({@code condor_history})
 */
public record QueueReads(long queue, long history) {

    public static final QueueReads NONE = new QueueReads(0, 0);

    /** The reads made since {@code before}. */
    public QueueReads since(QueueReads before) {
        return new QueueReads(queue - before.queue, history - before.history);
    }

    public QueueReads plus(QueueReads other) {
        return new QueueReads(queue + other.queue, history + other.history);
    }

    public long total() {
        return queue + history;
    }
}
