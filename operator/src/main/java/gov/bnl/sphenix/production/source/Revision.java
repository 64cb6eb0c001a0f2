package gov.bnl.sphenix.production.source;

import java.time.Instant;
import java.util.Objects;

/** One commit of the specs repository: the unit in which desired state changes. */
public record Revision(String commitId, String subject, String author, Instant committedAt) {

    public Revision {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(committedAt, "committedAt");
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
