package gov.bnl.sphenix.production.jobcontract;

import java.nio.file.Path;
import java.util.List;

/**
 * One job's arguments in sphenixprod's order (its glob_arguments_tmpl, then the job's id):
 * buildarg dataset intriplet indsttype run seg daqhost inputs nevents outdir histdir outbase
 * neventsper dbtag logbase logdir payload dbid. The fourth is the comma-separated list of input
 * DST types (the prep script calls it dsttype).
 */
record JobArguments(String indsttype, String intriplet, int run, int seg, String daqhost, String inputs, int nevents,
                    String outbase, int neventsper, String dbtag, long dbid) {

    static final String BUILD = "ana.523";
    static final String DATASET = "run3auau";

    /** A downstream job: one input segment; sphenixprod passes daqhost "dummy" and inputs "dbinput" for it. */
    static JobArguments downstream(String indsttype, String intriplet, String outbase, int seg, int nevents) {
        return new JobArguments(indsttype, intriplet, 54321, seg, "dummy", "dbinput", nevents, outbase, 1000, "2025p007",
                4711);
    }

    /** A combiner job: one run and DAQ host, segment 0, all raw segments. */
    static JobArguments combiner(String indsttype, String daqhost, String outbase, int nevents, int neventsper) {
        return new JobArguments(indsttype, "None", 54321, 0, daqhost, "allsegsfromdb", nevents, outbase, neventsper,
                "nocdbtag", 815);
    }

    JobArguments withNevents(int events) {
        return new JobArguments(indsttype, intriplet, run, seg, daqhost, inputs, events, outbase, neventsper, dbtag, dbid);
    }

    JobArguments withNeventsper(int perFile) {
        return new JobArguments(indsttype, intriplet, run, seg, daqhost, inputs, nevents, outbase, perFile, dbtag, dbid);
    }

    String logbase() {
        return String.format("%s-%08d-%05d", outbase, run, seg);
    }

    List<String> vector(Path outdir, Path histdir, Path logdir, String payload) {
        return List.of(BUILD, DATASET, intriplet, indsttype, Integer.toString(run), Integer.toString(seg), daqhost, inputs,
                Integer.toString(nevents), outdir.toString(), histdir.toString(), outbase, Integer.toString(neventsper),
                dbtag, logbase(), logdir.toString(), payload, Long.toString(dbid));
    }
}
