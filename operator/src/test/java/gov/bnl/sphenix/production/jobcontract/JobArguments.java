package gov.bnl.sphenix.production.jobcontract;

import java.nio.file.Path;
import java.util.List;

/**
 * One job's arguments in sphenixprod's order (its glob_arguments_tmpl, then the job's id):
 * buildarg dataset intriplet dsttype run seg daqhost inputs nevents outdir histdir outbase
 * neventsper dbtag logbase logdir payload dbid.
 */
record JobArguments(String dsttype, String intriplet, int run, int seg, String daqhost, String inputs, int nevents,
                    String outbase, int neventsper, String dbtag, long dbid) {

    static final String BUILD = "ana.523";
    static final String DATASET = "run3auau";

    /** A downstream job: one input segment, no DAQ host, the input mode sphenixprod passes for it. */
    static JobArguments downstream(String dsttype, String intriplet, String outbase, int seg, int nevents) {
        return new JobArguments(dsttype, intriplet, 54321, seg, "None", "None", nevents, outbase, 1000, "2025p007", 4711);
    }

    /** A combiner job: one run and DAQ host, segment 0. */
    static JobArguments combiner(String dsttype, String daqhost, String outbase, int nevents, int neventsper) {
        return new JobArguments(dsttype, "None", 54321, 0, daqhost, "allsegsfromdb", nevents, outbase, neventsper,
                "nocdbtag", 815);
    }

    JobArguments withNevents(int events) {
        return new JobArguments(dsttype, intriplet, run, seg, daqhost, inputs, events, outbase, neventsper, dbtag, dbid);
    }

    JobArguments withNeventsper(int perFile) {
        return new JobArguments(dsttype, intriplet, run, seg, daqhost, inputs, nevents, outbase, perFile, dbtag, dbid);
    }

    String logbase() {
        return String.format("%s-%08d-%05d", outbase, run, seg);
    }

    List<String> vector(Path outdir, Path histdir, Path logdir, String payload) {
        return List.of(BUILD, DATASET, intriplet, dsttype, Integer.toString(run), Integer.toString(seg), daqhost, inputs,
                Integer.toString(nevents), outdir.toString(), histdir.toString(), outbase, Integer.toString(neventsper),
                dbtag, logbase(), logdir.toString(), payload, Long.toString(dbid));
    }
}
