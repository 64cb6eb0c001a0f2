package gov.bnl.sphenix.production.catalog.registration;

/**
 * An output offered under a name the catalog already holds with another checksum (or offered
 * twice in one batch with two). Never overwritten: two different files under one name means
 * something upstream went wrong, and a person has to decide which one is right.
 */
public record RegistrationConflict(String lfn, String catalogedMd5, String offeredMd5) {
}
