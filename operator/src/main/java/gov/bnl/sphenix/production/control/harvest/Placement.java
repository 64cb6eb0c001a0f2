package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.control.events.EventKind;
import java.util.List;

/** What placing one job's outputs came to. */
sealed interface Placement {

    /** The outputs are in the final tree, verified; the DST as the catalog will hold it. */
    record Placed(CatalogedOutput dst) implements Placement {
    }

    /**
     * A job of sphenixprod's convention: every file it staged is its own and is what its name says;
     * none is catalogued or renamed yet.
     */
    record Verified(List<VerifiedFile> files) implements Placement {
    }

    /** A staged file checked on disk; {@code inPlace}: an identical copy is already at its target. */
    record VerifiedFile(StagedFile file, Fingerprint fingerprint, boolean inPlace) {
    }

    /** The job's outputs can never be trusted (a foreign path, a link, a wrong size or md5): the job fails. */
    record Refused(String reason) implements Placement {
    }

    /**
     * Not now: a file in the final tree or the catalog that differs from the job's (a person
     * decides which copy is right), or a move or read that failed and may well work next pass.
     * The job stays unharvested, its files where they are.
     */
    record Deferred(EventKind kind, String reason) implements Placement {
    }

    /**
     * Not now: the final tree's file system is full. Nothing was moved that is not whole in place,
     * nothing is catalogued; the job's outputs wait in staging until there is space.
     */
    record NoSpace(java.nio.file.Path directory) implements Placement {
    }
}
