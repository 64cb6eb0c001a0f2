package gov.bnl.sphenix.production.source;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One commit of the specs repository: the unit in which desired state changes.
 *
 * @param trailers the {@code Key: value} lines at the end of the commit message, in their order
 *                 ({@code Prodctl-Allow-Removal: 12}); empty for a revision known only by its id
 */
public record Revision(String commitId, String subject, String author, Instant committedAt, List<Trailer> trailers) {

    /** One trailer line of a commit message. */
    public record Trailer(String key, String value) {
        public Trailer {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public Revision {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(committedAt, "committedAt");
        trailers = List.copyOf(trailers);
    }

    /** A revision whose message has no trailers (or whose trailers do not matter). */
    /** A commit as git holds it, with its trailers as git reads them: the last paragraph's Key: value lines. */
    public static Revision of(RevCommit commit) {
        List<Trailer> trailers = commit.getFooterLines().stream()
                .map(f -> new Trailer(f.getKey(), f.getValue().strip())).toList();
        return new Revision(commit.getName(), commit.getShortMessage(), commit.getAuthorIdent().getName(),
                Instant.ofEpochSecond(commit.getCommitTime()), trailers);
    }

    public Revision(String commitId, String subject, String author, Instant committedAt) {
        this(commitId, subject, author, committedAt, List.of());
    }

    /** The values of the trailers named {@code key}, compared without case as git does. */
    public List<String> trailer(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return trailers.stream().filter(t -> t.key().toLowerCase(Locale.ROOT).equals(wanted)).map(Trailer::value)
                .toList();
    }

    /** The first 7 characters, as people quote commits ("production removed in a1b2c3d"). */
    public String shortId() {
        return shortId(commitId);
    }

    /** The first 7 characters of any commit id. */
    public static String shortId(String commitId) {
        return commitId.length() > 7 ? commitId.substring(0, 7) : commitId;
    }

    @Override
    public String toString() {
        return shortId() + " " + subject;
    }
}
