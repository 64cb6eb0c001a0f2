package gov.bnl.sphenix.production.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code capacity} items seen so far by some order ("best" sorts first). A production
 * with a million ready keys but room for a thousand submissions keeps a thousand in memory.
 */
final class BoundedBest<T> {

    private final int capacity;
    private final Comparator<T> order;
    /** Worst of the kept items on top, so a better newcomer evicts it in O(log n). */
    private final PriorityQueue<T> kept;

    BoundedBest(int capacity, Comparator<T> order) {
        this.capacity = capacity;
        this.order = order;
        this.kept = new PriorityQueue<>(Math.max(1, Math.min(capacity, 1024)), order.reversed());
    }

    void offer(T item) {
        if (capacity == 0) {
            return;
        }
        if (kept.size() < capacity) {
            kept.add(item);
        } else if (order.compare(item, kept.peek()) < 0) {
            kept.poll();
            kept.add(item);
        }
    }

    /** The kept items, best first. */
    List<T> best() {
        List<T> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return sorted;
    }
}
