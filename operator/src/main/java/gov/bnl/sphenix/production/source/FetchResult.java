package gov.bnl.sphenix.production.source;

/**
 * What a fetch of the specs repository gave: a revision, or a failure. A failure is not "no
 * productions": the engine keeps the revision it has and says the source is unreachable.
 */
public sealed interface FetchResult {

    record Fetched(Revision revision) implements FetchResult {
    }

    record Failed(String reason) implements FetchResult {
    }
}
