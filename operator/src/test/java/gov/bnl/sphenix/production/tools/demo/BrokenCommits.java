package gov.bnl.sphenix.production.tools.demo;

import java.io.IOException;
import org.eclipse.jgit.revwalk.RevCommit;

/** The commit everyone makes once: a run range without its comma. */
public final class BrokenCommits {

    /** Where the error is reported: the file and the line of {@code runs}. */
    public static final String WHERE = DemoWorld.PRODUCTIONS + "broken.yaml:9:";

    private BrokenCommits() {
    }

    public static RevCommit commitTypo(DemoWorld world) throws IOException {
        world.specs().write(DemoWorld.PRODUCTIONS + "broken.yaml", """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: demo-broken
                spec:
                  rule:
                    ruleSet: rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml
                    name: Full_TRKR_CLUSTER_run3physics
                  runs: [72500 75000]
                """);
        return world.specs().commitAndPush("Merge pull request #2: a typo");
    }
}
