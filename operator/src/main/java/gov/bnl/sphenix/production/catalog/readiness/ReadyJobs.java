package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.SQLException;

/**
 * What readiness offers the engine: the jobs of one production whose inputs are ready, handed to
 * a sink in the production's run order. The sink may stop the scan by returning {@code false}.
 */
public interface ReadyJobs {

    ReadinessSummary find(ReadinessRequest request, ReadyJobSink sink) throws SQLException;
}
