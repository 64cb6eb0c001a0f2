package gov.bnl.sphenix.production.catalog.readiness;

/** One RawdataCatalog row as readiness needs it; {@code stream} is the daqhost ({@code ebdc07_1}, {@code gl1daq}). */
record RawFile(int run, String stream, int segment, int status, String filename) implements RunRow {

    boolean onDisk() {
        return status > 0;
    }

    /** Registered but not on disk yet (still on tape or being transferred): worth waiting for. */
    boolean waiting() {
        return status == 0;
    }
}
