package gov.bnl.sphenix.production.batch.condor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code condor_submit -terse} prints the ids it made: {@code 4.0 - 4.999}. */
record TerseIds(long cluster, int firstProc, int lastProc) {

    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.(\\d+)\\s*-\\s*(\\d+)\\.(\\d+)");

    static TerseIds parse(String stdout) {
        Matcher m = RANGE.matcher(stdout.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("condor_submit -terse printed no id range: '" + stdout.strip() + "'");
        }
        if (!m.group(1).equals(m.group(3))) {
            throw new IllegalArgumentException("one submission made more than one cluster: '" + m.group() + "'");
        }
        return new TerseIds(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)));
    }

    int count() {
        return lastProc - firstProc + 1;
    }
}
