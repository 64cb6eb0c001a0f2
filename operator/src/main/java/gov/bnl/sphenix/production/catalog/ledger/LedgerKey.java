package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.util.Objects;
import java.util.Optional;

/**
 * What may exist only once in the ledger: a job key and the output namespace its production writes.
 * The table's unique constraint stands on both, so that two productions that ever shared a namespace
 * can never both own one output.
 */
public record LedgerKey(JobKey job, OutputNamespace namespace) {

    public LedgerKey {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(namespace, "namespace");
    }

    public static LedgerKey of(Production production, JobKey job) {
        return new LedgerKey(job, production.namespace());
    }

    /** The output this job writes. */
    public OutputFile output() {
        return new OutputFile(namespace.dsttype(), job.hasLeaf() ? Optional.of(job.leaf()) : Optional.empty(),
                namespace.dataset(), namespace.tag(), job.run(), job.segment());
    }

    @Override
    public String toString() {
        return job.production() + ":" + output().stem();
    }
}
