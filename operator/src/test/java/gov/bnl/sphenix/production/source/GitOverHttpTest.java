package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.load.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specs repository served over HTTP: a physicist pushes, the operator fetches the new head. */
class GitOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void aPushOverHttpBecomesTheNextRevision() throws Exception {
        try (SpecsGitRepository local = SpecsGitRepository.withExampleSpecs(dir.resolve("work"));
             Git hosted = Git.init().setBare(true).setDirectory(dir.resolve("hosted.git").toFile()).call();
             GitHttpServer server = new GitHttpServer(hosted.getRepository())) {
            String url = server.url("specs.git");
            local.git().push().setRemote(url).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();

            try (GitSpecSource source = new GitSpecSource(url, "main", dir.resolve("cache"), Optional.empty(),
                    Duration.ofSeconds(20))) {
                Revision first = ((FetchResult.Fetched) source.fetch()).revision();
                RevisionInForce desired = new RevisionInForce();
                desired.offer(first, SpecLoader.load(source.treeAt(first)));
                assertThat(desired.inForce().orElseThrow().specs().productions()).hasSize(10);

                // A second physicist clones over HTTP, adds a production and pushes it.
                try (Git clone = Git.cloneRepository().setURI(url).setBranch("main")
                        .setDirectory(dir.resolve("clone").toFile()).call()) {
                    Path production = dir.resolve("clone/productions/run3auau/calo-extra.yaml");
                    Files.writeString(production, Files.readString(dir.resolve("clone/productions/run3auau/calo-physics.yaml"))
                            .replace("run3auau-calo-golden", "run3auau-calo-extra")
                            .replace("file: runlists/run3auau_calo_golden.txt", "range: [70000, 70100]"));
                    PersonIdent who = new PersonIdent("Second Physicist", "second@example.org");
                    clone.add().addFilepattern(".").call();
                    clone.commit().setMessage("Add run3auau-calo-extra").setAuthor(who).setCommitter(who).call();
                    clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
                }

                Revision second = ((FetchResult.Fetched) source.fetch()).revision();
                assertThat(second.commitId()).isNotEqualTo(first.commitId());
                assertThat(second.author()).isEqualTo("Second Physicist");
                var outcome = (RevisionInForce.Outcome.NowInForce) desired.offer(second, SpecLoader.load(source.treeAt(second)));
                assertThat(outcome.changes().added()).extracting(p -> p.name()).containsExactly("run3auau-calo-extra");
            }
        }
    }

    @Test
    void aServerThatIsDownIsAFailure() throws Exception {
        String url;
        try (Git hosted = Git.init().setBare(true).setDirectory(dir.resolve("hosted.git").toFile()).call();
             GitHttpServer server = new GitHttpServer(hosted.getRepository())) {
            url = server.url("specs.git");
        }
        try (GitSpecSource source = new GitSpecSource(url, "main", dir.resolve("cache"), Optional.empty(),
                Duration.ofSeconds(5))) {
            FetchResult result = source.fetch();
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains(url);
        }
    }
}
