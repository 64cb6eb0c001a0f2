package gov.bnl.sphenix.production.jobcontract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name stageout.sh gives a file in its destination, which the head node's spider parses:
 * {@code <lfn>:nevents:N:first:F:last:L:md5:M:size:S:ctime:T:dbid:D}.
 */
record StagedName(String lfn, long nevents, long first, long last, String md5, long size, long ctime, long dbid) {

    private static final Pattern FORM = Pattern.compile(
            "([^:/]+):nevents:(-?\\d+):first:(-?\\d+):last:(-?\\d+):md5:([0-9a-f]{32}):size:(\\d+):ctime:(\\d+):dbid:(-?\\d+)");

    static StagedName parse(String fileName) {
        Matcher m = FORM.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a staged-out name: " + fileName);
        }
        return new StagedName(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), m.group(5), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
                Long.parseLong(m.group(8)));
    }

    static boolean isStaged(String fileName) {
        return FORM.matcher(fileName).matches();
    }
}
