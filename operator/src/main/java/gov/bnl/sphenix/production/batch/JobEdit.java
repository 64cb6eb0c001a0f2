package gov.bnl.sphenix.production.batch;

/**
 * A change to queued jobs. Only what the operator needs, so that every batch system can do all of
 * them: a new memory request (the memory ladder) and a new priority.
 */
public sealed interface JobEdit {

    record RequestMemory(int mib) implements JobEdit {
        public RequestMemory {
            if (mib < 1) {
                throw new IllegalArgumentException("a memory request is positive, got " + mib + " MiB");
            }
        }
    }

    record Priority(int priority) implements JobEdit {
    }

    static JobEdit requestMemory(int mib) {
        return new RequestMemory(mib);
    }
}
