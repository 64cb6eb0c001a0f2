package gov.bnl.sphenix.production.control.payload;

import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The payloads of the revision in force, as jobs submitted under it get them: the revision is
 * shelved once, the first time one of its productions calls its script in sphenixprod's
 * convention, for every production it declares (a commit's directory is written once). A shelf
 * that cannot be written (the file system full or read-only) is not remembered: the next pass
 * tries again, and meanwhile only the submissions that need it wait.
 */
public final class CommitPayloads {

    /** The payload of one production at one commit, or why there is none. */
    public sealed interface Found {
        record Shelved(PayloadFiles files, Path helpers) implements Found {
        }

        record Unavailable(String reason) implements Found {
        }
    }

    private final PayloadShelf shelf;
    /** Guarded by this. */
    private ShelvedCommit latest;
    /** Guarded by this. */
    private Path helpers;

    public CommitPayloads(PayloadShelf shelf) {
        this.shelf = Objects.requireNonNull(shelf, "shelf");
    }

    /**
     * The payload {@code production} runs with at {@code commitId}.
     *
     * @param declared every production the commit declares, all shelved together
     * @param tree     the commit's files, read only when the commit is not shelved yet
     */
    public synchronized Found of(Production production, String commitId, List<Production> declared,
                                 Supplier<SpecTree> tree) {
        try {
            if (latest == null || !latest.commitId().equals(commitId)) {
                List<Production> calling = declared.stream()
                        .filter(p -> p.rule().job().contract() == JobContract.SPHENIXPROD).toList();
                latest = shelf.shelve(commitId, tree.get(), calling);
            }
            if (helpers == null) {
                helpers = shelf.helpers();
            }
            return new Found.Shelved(latest.payloadOf(production), helpers);
        } catch (PayloadShelfException | UncheckedIOException e) {
            return new Found.Unavailable("the payload of commit " + commitId.substring(0, Math.min(12, commitId.length()))
                    + " could not be put where jobs read it (" + shelf.root() + "): " + e.getMessage());
        }
    }
}
