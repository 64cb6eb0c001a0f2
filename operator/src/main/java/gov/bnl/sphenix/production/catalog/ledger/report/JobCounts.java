package gov.bnl.sphenix.production.catalog.ledger.report;

/**
 * Job keys counted over one period, in the words of the weekly production tables. A key counts
 * by its latest attempt's times (a resubmission starts them again); holds count from the hold
 * history, so a job held and released still counts as held in the period it was held.
 *
 * @param submitted its latest attempt was submitted in the period
 * @param started   its latest attempt began to run on a worker in the period: when a pass saw it running, or
 *                  else (it ran between two passes) when it ended
 * @param ran       it ran to its end, succeeded or failed, in the period
 * @param failed    it failed for good in the period
 * @param held      it was put on hold at least once in the period, released since or not
 * @param finished  it succeeded and its outputs were registered in the period
 * @param events    events in the outputs of the jobs finished in the period
 */
public record JobCounts(long submitted, long started, long ran, long failed, long held, long finished, long events) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0, 0, 0, 0);
}
