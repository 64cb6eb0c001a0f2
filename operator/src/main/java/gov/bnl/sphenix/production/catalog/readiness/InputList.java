package gov.bnl.sphenix.production.catalog.readiness;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A job's input names as one file of its own followed by files it shares with the other jobs of
 * its run (the trigger's files). Every job of a run shares the one tail instead of copying it: at
 * all segments a pass hands out millions of jobs, each naming the run's trigger files. Immutable,
 * so {@link ReadyJob} keeps it as it is.
 */
final class InputList extends AbstractList<String> implements RandomAccess {

    private final String own;
    private final List<String> shared;

    /** {@code shared} must be immutable ({@link List#copyOf}): it is not copied. */
    InputList(String own, List<String> shared) {
        this.own = own;
        this.shared = shared;
    }

    @Override
    public String get(int index) {
        if (index == 0) {
            return own;
        }
        return shared.get(index - 1);
    }

    @Override
    public int size() {
        return 1 + shared.size();
    }
}
