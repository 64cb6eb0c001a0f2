package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files one job may produce, computed from its ledger row's key alone: its DST and its
 * histogram file, each with the path it is staged at and the path it goes to. A manifest only
 * says which of these were published and what they hold; it never chooses a path.
 */
record JobOutputs(Map<String, Expected> byLfn, String dstLfn) {

    /**
     * @param staged    where the job publishes it (the staging layout)
     * @param target    where it lives for good (the final layout)
     * @param stagingRoot the root of the staging tree it is in (links below it are refused)
     * @param dst       true for the DST (catalogued); false for the histogram file
     */
    record Expected(String lfn, Path staged, Path target, Path stagingRoot, boolean dst) {
    }

    static JobOutputs of(OutputFile dst, String runtype, Layout staging, Layout finalTree) {
        Map<String, Expected> byLfn = new LinkedHashMap<>();
        byLfn.put(dst.fileName(), new Expected(dst.fileName(), staging.dstPath(dst, runtype),
                finalTree.dstPath(dst, runtype), staging.dstRoot(), true));
        Path hist = staging.histPath(dst, runtype);
        String histLfn = hist.getFileName().toString();
        byLfn.put(histLfn, new Expected(histLfn, hist, finalTree.histPath(dst, runtype), staging.histRoot(), false));
        // in this order: the DST first
        return new JobOutputs(Collections.unmodifiableMap(byLfn), dst.fileName());
    }
}
