package gov.bnl.sphenix.production.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order in which sphenixprod passes a job its arguments (its {@code glob_arguments_tmpl}),
 * followed by the job's database id. Today's run scripts read them through the submitter's
 * {@code common_runscript_prep.sh}; older ones read {@code $1, $2, ...} themselves and say so in a
 * usage line, which is compared here under the names those scripts used.
 */
public final class ArgumentOrder {

    public static final List<String> NAMES = List.of("buildarg", "dataset", "intriplet", "indsttype", "run", "seg",
            "daqhost", "inputs", "nevents", "outdir", "histdir", "outbase", "neventsper", "dbtag", "logbase",
            "logdir", "payload");

    /** Other names the same argument has in usage lines of the collaboration's scripts. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("indsttype_str", "indsttype"), Map.entry("dsttype", "indsttype"),
            Map.entry("runnumber", "run"), Map.entry("run_number", "run"),
            Map.entry("segment", "seg"), Map.entry("log_dir", "logdir"), Map.entry("hist_dir", "histdir"),
            Map.entry("condor_rsync", "payload"), Map.entry("condor_rsync_val", "payload"),
            Map.entry("dbid", "dbid"));

    private ArgumentOrder() {
    }

    /**
     * Why a script's usage line cannot take the arguments in this order (the first position that
     * differs), or empty when it can. A trailing {@code dbid} is the optional last argument.
     */
    public static Optional<String> mismatch(List<String> usage) {
        for (int i = 0; i < usage.size(); i++) {
            String name = SYNONYMS.getOrDefault(usage.get(i), usage.get(i));
            if (i == NAMES.size() && name.equals("dbid")) {
                continue;
            }
            if (i >= NAMES.size()) {
                return Optional.of("argument " + (i + 1) + " <" + usage.get(i) + "> is more than the "
                        + NAMES.size() + " passed");
            }
            if (!name.equals(NAMES.get(i))) {
                return Optional.of("argument " + (i + 1) + " is <" + NAMES.get(i) + ">, the script reads <"
                        + usage.get(i) + ">");
            }
        }
        if (usage.size() < NAMES.size()) {
            return Optional.of("it reads " + usage.size() + " arguments, the operator passes " + NAMES.size()
                    + " (the next is <" + NAMES.get(usage.size()) + ">)");
        }
        return Optional.empty();
    }
}
