package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.Iterator;
import java.util.function.Function;

/**
 * A look-ahead over one key-sorted stream. It insists on the order the merge relies on: a stream
 * out of order or with a key of another production is a bug in the adapter that produced it, and
 * planning on it would silently submit duplicates — so it fails loudly instead.
 */
final class SortedCursor<T> {

    private final Iterator<T> rows;
    private final Function<T, JobKey> keyOf;
    private final String production;
    private final String what;
    private T head;
    private JobKey previous;

    SortedCursor(Iterator<T> rows, Function<T, JobKey> keyOf, String production, String what) {
        this.rows = rows;
        this.keyOf = keyOf;
        this.production = production;
        this.what = what;
        advance();
    }

    /** The key at the head, or null when the stream is exhausted. */
    JobKey key() {
        return head == null ? null : keyOf.apply(head);
    }

    /** Takes the head if it has this key, else null. */
    T takeIf(JobKey key) {
        if (head == null || !keyOf.apply(head).equals(key)) {
            return null;
        }
        T taken = head;
        advance();
        return taken;
    }

    private void advance() {
        head = rows.hasNext() ? rows.next() : null;
        if (head == null) {
            return;
        }
        JobKey key = keyOf.apply(head);
        if (!key.production().equals(production)) {
            throw new IllegalArgumentException(what + " of production " + production + " contain " + key);
        }
        if (previous != null && key.compareTo(previous) <= 0) {
            throw new IllegalArgumentException(what + " of production " + production
                    + " must be sorted by job key without duplicates: " + key + " came after " + previous);
        }
        previous = key;
    }
}
