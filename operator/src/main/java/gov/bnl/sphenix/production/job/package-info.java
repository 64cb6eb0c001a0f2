/**
 * Job identity and batch state: what a job is called and where it stands in the batch system.
 *
 * <p>{@link JobKey} names a job of a production (production, run, segment, leaf); {@link BatchJobId}
 * names it in the batch system; {@link BatchJob} is one job as the batch system reports it, in a
 * {@link BatchState}, with its {@link Hold} when held.
 *
 * <p>These live in one package of their own because two layers speak of them: the batch adapters
 * report jobs in these words and the planner decides on them. With one record and one enum there is
 * nothing to translate between the two, so a state cannot be mapped one way in an adapter and
 * another way in the planner. The words are those of {@code docs/architecture.md} ("A job in the
 * batch system"). The package may depend on {@code spec} only, and nothing in it does I/O.
 */
package gov.bnl.sphenix.production.job;
