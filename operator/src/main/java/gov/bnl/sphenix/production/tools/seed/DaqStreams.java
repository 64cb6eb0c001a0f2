package gov.bnl.sphenix.production.tools.seed;

import java.util.List;

/**
 * Which DAQ streams take data in a run of a given type: the whole sPHENIX DAQ
 * ({@link SphenixDaq#streamsOf}) by default, or the streams a specs repository's product catalogue
 * declares, so that a catalog seeded for those specs has a file for every leaf they expect.
 */
@FunctionalInterface
public interface DaqStreams {

    DaqStreams SPHENIX = SphenixDaq::streamsOf;

    List<DaqStream> of(String runtype);
}
