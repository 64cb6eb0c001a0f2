package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Path;

/**
 * Where one job of the sphenixprod convention stages its files and where they go for good, from
 * its ledger row's key: its {@code outdir} and {@code histdir} are the staging layout's DST and
 * histogram directories of the job's DST, and every output goes, under its plain lfn, into the
 * same directories of the final layout (all segments of a job share its product's directory).
 *
 * @param dstRoot  the staging tree's DST root (links below it are refused)
 * @param histRoot the staging tree's histogram root
 */
record StageOutPlaces(Path stagedDst, Path stagedHist, Path finalDst, Path finalHist, Path dstRoot, Path histRoot) {

    static StageOutPlaces of(OutputFile job, String runtype, Layout staging, Layout finalTree) {
        return new StageOutPlaces(staging.dstDirectory(job, runtype), staging.histDirectory(job, runtype),
                finalTree.dstDirectory(job, runtype), finalTree.histDirectory(job, runtype), staging.dstRoot(),
                staging.histRoot());
    }
}
