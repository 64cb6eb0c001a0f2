package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specs source against real git repositories: revisions, reverts, force-pushes, broken commits. */
class GitSpecSourceTest {

    @TempDir
    Path dir;

    private SpecsGitRepository specs;
    private GitSpecSource source;
    private final RevisionInForce desired = new RevisionInForce();

    @BeforeEach
    void setUp() throws IOException {
        specs = SpecsGitRepository.withExampleSpecs(dir.resolve("specs"));
        source = new GitSpecSource(specs.url(), "main", dir.resolve("cache"), Optional.empty(), Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() {
        source.close();
        specs.close();
    }

    private RevisionInForce.Outcome fetchAndOffer() {
        FetchResult result = source.fetch();
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        Revision revision = ((FetchResult.Fetched) result).revision();
        ValidationReport report = SpecLoader.load(source.treeAt(revision));
        return desired.offer(revision, report);
    }

    @Test
    void aCommitReadsExactlyAsItsCheckout() {
        FetchResult.Fetched fetched = (FetchResult.Fetched) source.fetch();
        assertThat(fetched.revision().subject()).isEqualTo("Import the example specs");
        assertThat(fetched.revision().author()).isEqualTo("A Physicist");
        SpecRepository fromGit = SpecLoader.load(source.treeAt(fetched.revision())).repository().orElseThrow();
        SpecRepository fromDisk = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs())).repository().orElseThrow();
        assertThat(fromGit.productions()).isEqualTo(fromDisk.productions());
        assertThat(fromGit.catalogue()).isEqualTo(fromDisk.catalogue());
    }

    @Test
    void theTrailersOfTheHeadsMessageAreReadAsGitReadsThem() {
        RevCommit merge = specs.write("productions/run3auau/notes.txt", "retiring run 2\n",
                "Merge pull request #12: retire run 2\n\nRetires the run 2 productions.\n\n"
                        + "Reviewed-by: A Physicist\nprodctl-allow-removal:  6 \n");

        Revision head = ((FetchResult.Fetched) source.fetch()).revision();

        assertThat(head.commitId()).isEqualTo(merge.getName());
        assertThat(head.subject()).isEqualTo("Merge pull request #12: retire run 2");
        assertThat(head.trailer("Prodctl-Allow-Removal")).containsExactly("6");
        assertThat(head.trailer("Reviewed-by")).containsExactly("A Physicist");
        assertThat(source.revision(merge.getName().substring(0, 12))).contains(head);
        assertThat(source.revision("0123456789abcdef0123456789abcdef01234567")).isEmpty();
    }

    @Test
    void aMergedProductionIsAddedAndARevertRemovesIt() {
        assertThat(fetchAndOffer()).isInstanceOf(RevisionInForce.Outcome.NowInForce.class);
        String calo = specs.read("productions/run3auau/calo-physics.yaml");
        RevCommit merge = specs.write("productions/run3auau/calo-extra.yaml",
                calo.replace("run3auau-calo-golden", "run3auau-calo-extra")
                        .replace("file: runlists/run3auau_calo_golden.txt", "range: [70000, 70100]"),
                "Add run3auau-calo-extra");

        var added = (RevisionInForce.Outcome.NowInForce) fetchAndOffer();
        assertThat(added.changes().added()).extracting(p -> p.name()).containsExactly("run3auau-calo-extra");
        assertThat(added.applied().revision().commitId()).isEqualTo(merge.getName());

        specs.revert(merge);
        var reverted = (RevisionInForce.Outcome.NowInForce) fetchAndOffer();
        assertThat(reverted.changes().removed()).extracting(p -> p.name()).containsExactly("run3auau-calo-extra");
        assertThat(reverted.changes().added()).isEmpty();
        assertThat(reverted.applied().revision().subject()).startsWith("Revert \"Add run3auau-calo-extra\"");
    }

    @Test
    void aBrokenCommitKeepsThePreviousRevisionInForce() {
        var first = (RevisionInForce.Outcome.NowInForce) fetchAndOffer();
        String seed = specs.read("productions/run3auau/seed-physics.yaml");
        specs.write("productions/run3auau/seed-physics.yaml", seed.replace("range: [66456, 79999]", "range: [66456 79999]"),
                "Widen seeding (broken)");

        var outcome = fetchAndOffer();
        assertThat(outcome).isInstanceOf(RevisionInForce.Outcome.KeptPrevious.class);
        var kept = (RevisionInForce.Outcome.KeptPrevious) outcome;
        assertThat(kept.inForce()).contains(first.applied());
        assertThat(kept.rejected().errors()).anySatisfy(e ->
                assertThat(e.toString()).startsWith("productions/run3auau/seed-physics.yaml:10:13: error:"));
        assertThat(desired.inForce().orElseThrow().specs().productions()).hasSize(10);
        assertThat(desired.lastRejected()).isPresent();

        specs.write("productions/run3auau/seed-physics.yaml", seed, "Fix seeding");
        var fixed = (RevisionInForce.Outcome.NowInForce) fetchAndOffer();
        assertThat(fixed.changes().isEmpty()).as("the fix restores exactly the previous productions").isTrue();
        assertThat(desired.lastRejected()).isEmpty();
    }

    @Test
    void aForcePushedBranchMakesTheNewHeadTheDesiredState() {
        RevCommit base = specs.write("productions/run3auau/calo-extra.yaml",
                specs.read("productions/run3auau/calo-physics.yaml").replace("run3auau-calo-golden", "run3auau-calo-extra")
                        .replace("file: runlists/run3auau_calo_golden.txt", "range: [70000, 70100]"), "Add extra");
        fetchAndOffer();
        RevCommit beforeBase = base.getParent(0);
        specs.forceResetTo(beforeBase);

        var outcome = (RevisionInForce.Outcome.NowInForce) fetchAndOffer();
        assertThat(outcome.applied().revision().commitId()).isEqualTo(beforeBase.getName());
        assertThat(outcome.changes().removed()).extracting(p -> p.name()).containsExactly("run3auau-calo-extra");
    }

    @Test
    void theSameRevisionTwiceChangesNothing() {
        fetchAndOffer();
        assertThat(fetchAndOffer()).isInstanceOf(RevisionInForce.Outcome.AlreadyInForce.class);
    }

    @Test
    void anUnreachableRepositoryIsAFailureNotAnEmptyState() throws IOException {
        fetchAndOffer();
        try (GitSpecSource gone = new GitSpecSource(dir.resolve("nowhere").toUri().toString(), "main",
                dir.resolve("cache2"), Optional.empty(), Duration.ofSeconds(5))) {
            FetchResult result = gone.fetch();
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains("nowhere");
        }
        assertThat(desired.inForce().orElseThrow().specs().productions()).hasSize(10);
    }

    @Test
    void aMissingBranchIsNamed() throws IOException {
        try (GitSpecSource wrong = new GitSpecSource(specs.url(), "production", dir.resolve("cache3"), Optional.empty(),
                Duration.ofSeconds(5))) {
            FetchResult result = wrong.fetch();
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains("production");
        }
    }

    @Test
    void aCommittedSymlinkIsRefused() throws IOException {
        fetchAndOffer();
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.yaml"), "kind: Production\n");
        Files.createSymbolicLink(specs.dir().resolve("productions/linked.yaml"), elsewhere);
        specs.commitAll("Link a production from elsewhere");
        var outcome = fetchAndOffer();
        assertThat(outcome).isInstanceOf(RevisionInForce.Outcome.KeptPrevious.class);
        assertThat(((RevisionInForce.Outcome.KeptPrevious) outcome).rejected().errors())
                .anySatisfy(e -> assertThat(e.toString()).contains("productions/linked.yaml").contains("symbolic link"));
    }

    @Test
    void theCacheSurvivesARestart() throws IOException {
        Revision first = ((FetchResult.Fetched) source.fetch()).revision();
        source.close();
        try (GitSpecSource again = new GitSpecSource(specs.url(), "main", dir.resolve("cache"), Optional.empty(),
                Duration.ofSeconds(5))) {
            assertThat(((FetchResult.Fetched) again.fetch()).revision()).isEqualTo(first);
        }
        source = new GitSpecSource(specs.url(), "main", dir.resolve("cache"), Optional.empty(), Duration.ofSeconds(5));
    }
}
