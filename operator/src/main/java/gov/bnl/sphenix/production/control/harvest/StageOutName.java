package gov.bnl.sphenix.production.control.harvest;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The name sphenixprod's {@code stageout.sh} gives a staged file, which carries what the job
 * measured: {@code <lfn>:nevents:N:first:F:last:L:md5:M:size:S:ctime:T:dbid:D}, or the older form
 * without {@code size} and {@code ctime}. Event numbers are -1 when the job could not count them;
 * the dbid is the id the job was given (its ledger row). The name is a claim of the job, checked
 * against the file before anything is registered.
 */
record StageOutName(String lfn, long nevents, long first, long last, String md5, OptionalLong size, long dbid) {

    private static final int OLDER_FORM_FIELDS = 11;
    private static final int FORM_FIELDS = 15;

    /**
     * The parsed name, or empty for anything else (a plain lfn, a marker, a file set aside). Read
     * field by field rather than by a pattern: a harvest parses every name of every staging
     * directory it lists, and a pattern with named groups cost more than the rest of the listing.
     */
    static Optional<StageOutName> parse(String fileName) {
        // lfn:nevents:N:first:F:last:L:md5:M[:size:S:ctime:T]:dbid:D, fields 0-10, or 0-14 with size and ctime
        String[] field = fileName.split(":", -1);
        boolean measured = field.length == FORM_FIELDS;
        if (!measured && field.length != OLDER_FORM_FIELDS) {
            return Optional.empty();
        }
        String lfn = field[0];
        int dbidAt = field.length - 2;
        boolean named = !lfn.isEmpty() && lfn.indexOf('/') < 0 && field[1].equals("nevents") && field[3].equals("first")
                && field[5].equals("last") && field[7].equals("md5") && field[dbidAt].equals("dbid")
                && (!measured || field[9].equals("size") && field[11].equals("ctime"));
        if (!named || !isNumber(field[2], true) || !isNumber(field[4], true) || !isNumber(field[6], true)
                || !isMd5(field[8]) || !isNumber(field[dbidAt + 1], true)
                || measured && (!isNumber(field[10], false) || !isNumber(field[12], false))) {
            return Optional.empty();
        }
        return Optional.of(new StageOutName(lfn, Long.parseLong(field[2]), Long.parseLong(field[4]),
                Long.parseLong(field[6]), field[8], measured ? OptionalLong.of(Long.parseLong(field[10])) : OptionalLong.empty(),
                Long.parseLong(field[dbidAt + 1])));
    }

    /** 1 to 18 ASCII digits, after a minus sign when {@code signed} allows one: always a long. */
    private static boolean isNumber(String text, boolean signed) {
        int from = signed && text.startsWith("-") ? 1 : 0;
        int digits = text.length() - from;
        return digits >= 1 && digits <= 18 && AsciiDigits.only(text, from, text.length());
    }

    /** 32 lower-case hex digits, as md5sum prints them. */
    private static boolean isMd5(String text) {
        if (text.length() != 32) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** How the file on disk differs from its name, or null when it matches. */
    String mismatch(Fingerprint file) {
        if (size.isPresent() && size.getAsLong() != file.size()) {
            return "has " + file.size() + " bytes, its name says " + size.getAsLong();
        }
        if (!md5.equalsIgnoreCase(file.md5())) {
            return "has md5 " + file.md5() + ", its name says " + md5;
        }
        return null;
    }

    /** Events as the catalog holds them: a count the job could not make is recorded as none. */
    long events() {
        return Math.max(0, nevents);
    }
}
