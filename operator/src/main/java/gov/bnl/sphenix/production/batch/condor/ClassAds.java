package gov.bnl.sphenix.production.batch.condor;

/** Writing values in the ClassAd language. */
final class ClassAds {

    private ClassAds() {
    }

    /** A string literal: quoted, with backslash and quote escaped. */
    static String string(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
