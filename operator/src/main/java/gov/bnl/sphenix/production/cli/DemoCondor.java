package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.time.Duration;
import java.util.Optional;

/** The demo on the HTCondor pool of {@code scripts/minicondor.sh}. */
final class DemoCondor {

    private DemoCondor() {
    }

    static BatchSystem connect(java.nio.file.Path data) {
        CondorSettings settings = new CondorSettings(LocalPool.commandPrefix(), Optional.empty(), Duration.ofSeconds(120),
                WrapperLaunch.jar("/usr/bin/java", LocalPool.ownClasspath()), JobPolicy.DEFAULT);
        CondorBatchSystem condor = new CondorBatchSystem(settings, JobDirectories.worldWritable());
        if (!condor.health().reachable()) {
            condor.close();
            throw new IllegalStateException("no HTCondor pool answers (" + condor.health().detail()
                    + "); start one with scripts/minicondor.sh up, or run the demo with --batch local");
        }
        return condor;
    }
}
