package gov.bnl.sphenix.production.catalog.readiness;

/** One FileCatalog row of an upstream product; {@code product} is the dsttype column ({@code DST_STREAMING_EVENT_ebdc07_1}). */
record ParentOutput(int run, int segment, String product, int status, String filename) implements RunRow {

    boolean usable() {
        return status > 0;
    }
}
