package gov.bnl.sphenix.production.catalog.readiness;

/** A catalog row that belongs to one run; rows of a chunk arrive grouped by run. */
interface RunRow {

    int run();
}
