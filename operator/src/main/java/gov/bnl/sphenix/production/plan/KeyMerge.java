package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The sorted merge at the heart of a production pass: four key-sorted sources — candidates,
 * ledger rows, outputs and queue jobs — walked side by side, one key at a time. Memory stays flat
 * however many keys a production has, which is what the old submission loop lacked.
 */
final class KeyMerge implements Iterator<KeyView> {

    private final SortedCursor<Candidate> candidates;
    private final SortedCursor<LedgerRow> ledger;
    private final SortedCursor<ExistingOutput> outputs;
    private final List<BatchJob> jobs;
    private int nextJob;

    /** {@code jobs} must be sorted by key; several jobs may share one key. */
    KeyMerge(String production, Iterator<Candidate> candidates, Iterator<LedgerRow> ledger,
             Iterator<ExistingOutput> outputs, List<BatchJob> jobs) {
        this.candidates = new SortedCursor<>(candidates, Candidate::key, production, "candidates");
        this.ledger = new SortedCursor<>(ledger, LedgerRow::key, production, "ledger rows");
        this.outputs = new SortedCursor<>(outputs, ExistingOutput::key, production, "outputs");
        this.jobs = jobs;
    }

    @Override
    public boolean hasNext() {
        return nextKey() != null;
    }

    @Override
    public KeyView next() {
        JobKey key = nextKey();
        if (key == null) {
            throw new NoSuchElementException();
        }
        List<BatchJob> ofKey = List.of();
        while (nextJob < jobs.size() && jobs.get(nextJob).key().orElseThrow().equals(key)) {
            if (ofKey.isEmpty()) {
                ofKey = new ArrayList<>(2);
            }
            ofKey.add(jobs.get(nextJob++));
        }
        return new KeyView(key, candidates.takeIf(key), ledger.takeIf(key), ofKey, outputs.takeIf(key));
    }

    private JobKey nextKey() {
        JobKey min = candidates.key();
        min = smaller(min, ledger.key());
        min = smaller(min, outputs.key());
        if (nextJob < jobs.size()) {
            min = smaller(min, jobs.get(nextJob).key().orElseThrow());
        }
        return min;
    }

    private static JobKey smaller(JobKey a, JobKey b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
