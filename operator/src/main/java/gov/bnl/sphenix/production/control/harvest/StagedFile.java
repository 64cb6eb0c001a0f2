package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Path;

/**
 * One file a job staged and proved its own: where it is, where it goes under its plain lfn (by
 * its job's route for files of its kind), what its name says, and what it is (a DST segment, or a
 * histogram file catalogued under its product).
 */
record StagedFile(Path staged, Path target, Route route, StageOutName name, OutputFile file, boolean dst) {

    /** The file as the catalog will hold it: size and md5 as found on disk, events as its name says. */
    CatalogedOutput cataloged(String storage, Fingerprint found) {
        return new CatalogedOutput(file, storage, target.toString(), found.size(), found.md5(), name.events(),
                name.first(), name.last());
    }
}
