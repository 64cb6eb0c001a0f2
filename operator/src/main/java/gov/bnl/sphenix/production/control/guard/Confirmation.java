package gov.bnl.sphenix.production.control.guard;

import gov.bnl.sphenix.production.source.Revision;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A confirmation given outside the specs repository: the commit a production manager allows
 * (the ProductionSource's annotation, or {@code prodctl run --allow-removal}). It names the commit,
 * so a confirmation left behind never lets a later revision through.
 *
 * @param commit a commit id or its first 7 or more characters, as the person typed it
 * @param howTo  how to give it, with {@code %s} where the commit id goes (for the Blocked message);
 *               empty where there is no such way
 */
public record Confirmation(Optional<String> commit, String howTo) {

    /** Only the commit's own trailer can confirm. */
    public static final Confirmation NONE = new Confirmation(Optional.empty(), "");

    private static final int SHORTEST = 7;

    public Confirmation {
        commit = commit.map(String::strip).filter(c -> !c.isEmpty()).map(c -> c.toLowerCase(Locale.ROOT));
        Objects.requireNonNull(howTo, "howTo");
    }

    /** Does this confirmation name {@code head}? */
    public boolean confirms(Revision head) {
        return commit.filter(c -> c.length() >= SHORTEST && c.matches("[0-9a-f]+"))
                .map(c -> head.commitId().startsWith(c)).orElse(false);
    }

    /** Why a confirmation that was given does not count for {@code head}; empty when none was given or it counts. */
    public Optional<String> mismatch(Revision head) {
        if (commit.isEmpty() || confirms(head)) {
            return Optional.empty();
        }
        String given = commit.get();
        return Optional.of(given.length() < SHORTEST || !given.matches("[0-9a-f]+")
                ? "the confirmation '" + given + "' is not a commit id of at least " + SHORTEST + " hex digits"
                : "the confirmation names " + given + ", not " + head.shortId());
    }

    /** How to confirm {@code head} this way, or empty. */
    public Optional<String> howToConfirm(Revision head) {
        return howTo.isEmpty() ? Optional.empty() : Optional.of(howTo.formatted(RemovalGuard.quoted(head)));
    }
}
