package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs.NamedJob;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.util.Optional;

/** What the import does with one job key of sphenixprod, or why it leaves a row or a job alone. */
sealed interface Adoption {

    /** A queued, running or held job proven to be the key's: marked with our ClassAds and recorded live. */
    record Live(Production production, JobKey key, SphenixprodRow row, NamedJob job) implements Adoption {
    }

    /** A finished job whose output is in the FileCatalog: recorded as succeeded. */
    record Done(Production production, JobKey key, SphenixprodRow row, String lfn) implements Adoption {
    }

    /** The ledger holds the key already (an earlier import, or the operator's own job), or the job carries it: nothing to do. */
    record Already(Production production, JobKey key) implements Adoption {
    }

    /** Left alone, and why; no production when the row matched none. */
    record Refused(Optional<Production> production, String subject, String reason) implements Adoption {
    }
}
