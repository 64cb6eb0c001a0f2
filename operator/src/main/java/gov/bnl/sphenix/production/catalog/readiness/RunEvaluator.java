package gov.bnl.sphenix.production.catalog.readiness;

import java.util.List;

/** Decides, for one run and all its catalog rows, which jobs are ready. Pure: no I/O, no clock. */
interface RunEvaluator<T extends RunRow> {

    List<ReadyJob> evaluate(QualifiedRun run, List<T> rows);
}
