package gov.bnl.sphenix.production.control.harvest;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name sphenixprod's {@code stageout.sh} gives a staged file, which carries what the job
 * measured: {@code <lfn>:nevents:N:first:F:last:L:md5:M:size:S:ctime:T:dbid:D}, or the older form
 * without {@code size} and {@code ctime}. Event numbers are -1 when the job could not count them;
 * the dbid is the id the job was given (its ledger row). The name is a claim of the job, checked
 * against the file before anything is registered.
 */
record StageOutName(String lfn, long nevents, long first, long last, String md5, OptionalLong size, long dbid) {

    private static final Pattern FORM = Pattern.compile("(?<lfn>[^:/]+):nevents:(?<n>-?\\d{1,18}):first:(?<first>-?\\d{1,18})"
            + ":last:(?<last>-?\\d{1,18}):md5:(?<md5>[0-9a-f]{32})(:size:(?<size>\\d{1,18}):ctime:\\d{1,18})?"
            + ":dbid:(?<dbid>-?\\d{1,18})");

    /** The parsed name, or empty for anything else (a plain lfn, a marker, a file set aside). */
    static Optional<StageOutName> parse(String fileName) {
        Matcher m = FORM.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String size = m.group("size");
        return Optional.of(new StageOutName(m.group("lfn"), Long.parseLong(m.group("n")), Long.parseLong(m.group("first")),
                Long.parseLong(m.group("last")), m.group("md5"),
                size == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size)), Long.parseLong(m.group("dbid"))));
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
