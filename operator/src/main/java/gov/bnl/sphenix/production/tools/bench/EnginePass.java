package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionActivity;
import java.util.Locale;

/**
 * One measured engine pass: how long it took, the heap it used (the peak of the heap pools after a
 * full collection before it, garbage included), how often it read the queue, and what it did.
 */
record EnginePass(String name, long millis, long heapMb, QueueReads reads, ProductionActivity activity, int errors) {

    static EnginePass of(String name, long millis, long heapMb, QueueReads reads, PassReport report) {
        ProductionActivity all = report.activity().values().stream().reduce(ProductionActivity.NONE,
                ProductionActivity::plus);
        return new EnginePass(name, millis, heapMb, reads, all, report.errors().size());
    }

    String describe() {
        return String.format(Locale.ROOT, "pass %s: %d ms, %d MB heap, %d condor_q, %d condor_history; %d submitted,"
                        + " %d released, %d harvested, %d failed, %d errors", name, millis, heapMb, reads.queue(),
                reads.history(), activity.submitted(), activity.released(), activity.harvested(), activity.failed(), errors);
    }
}
