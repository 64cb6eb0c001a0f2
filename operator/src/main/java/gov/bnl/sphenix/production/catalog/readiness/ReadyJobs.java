package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What readiness offers the engine: the jobs of one production whose inputs are ready, handed to
 * a sink in the production's run order. The sink may stop the scan by returning {@code false}.
 * And, for the status, why the production's other runs wait, and the events the DAQ recorded in
 * the runs it finished, to weigh its outputs against.
 */
public interface ReadyJobs {

    ReadinessSummary find(ReadinessRequest request, ReadyJobSink sink) throws SQLException;

    /**
     * Why each run of the production's run set (of its runtype) stands where it does. Runs in
     * {@code knownReady} (those {@link #find} just gave jobs) are ready without another look.
     */
    List<RunVerdict> reasons(ReasonRequest request, Set<Integer> knownReady) throws SQLException;

    /** The events the DAQ recorded in each of {@code runs} it knows (one statement), to weigh a production's outputs against. */
    Map<Integer, Long> eventsRecorded(Collection<Integer> runs) throws SQLException;
}
