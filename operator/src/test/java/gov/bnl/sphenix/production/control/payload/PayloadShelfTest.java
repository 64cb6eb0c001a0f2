package gov.bnl.sphenix.production.control.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.source.GitCommitTree;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.PayloadGlob;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payloads of real git commits on the shelf: written once per commit, exactly as committed, never changed. */
class PayloadShelfTest {

    private static final String CLUSTER = "run3auau-cluster-physics";
    private static final String SCRIPT = "rules/run3auau/tracking_code/run_rolloverjob0.sh";
    private static final String MACRO = "rules/run3auau/tracking_code/Fun4All_RolloverJob0.C";
    private static final PersonIdent PHYSICIST = new PersonIdent("A Physicist", "physicist@example.org");

    @TempDir
    Path dir;

    private Path specs;
    private Git git;
    private Path root;

    @BeforeEach
    void commitTheExampleSpecsWithAMacro() throws Exception {
        specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        git = Git.init().setDirectory(specs.toFile()).setInitialBranch("main").call();
        Files.writeString(specs.resolve(MACRO), "void Fun4All_RolloverJob0() {}\n");
        Files.setPosixFilePermissions(specs.resolve(MACRO), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(specs.resolve(SCRIPT), PosixFilePermissions.fromString("rwxr-xr-x"));
        commit("Import the example specs");
        root = dir.resolve("payloads");
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void aCommitsPayloadIsShelvedWithItsContentAndExecutableBitsInGlobOrder() throws Exception {
        String a = head();
        SpecTree tree = tree(a);

        ShelvedCommit shelved = shelf().shelve(a, tree, declared(tree));

        assertThat(shelved.directory()).isEqualTo(root.resolve(a));
        for (Production p : declared(tree)) {
            PayloadFiles payload = shelved.payloadOf(p);
            List<String> taken = PayloadGlob.taken(p.rule().job().payload(), tree.files());
            assertThat(payload.files()).as(p.name()).isNotEmpty()
                    .containsExactlyElementsOf(taken.stream().map(f -> root.resolve(a).resolve(f)).toList());
            for (String f : taken) {
                Path file = root.resolve(a).resolve(f);
                assertThat(file).as(f).isRegularFile().hasBinaryContent(tree.read(f).orElseThrow());
                assertThat(Files.isExecutable(file)).as("%s keeps git's mode", f).isEqualTo(tree.isExecutable(f));
            }
            assertThat(payload.script().getFileName()).hasToString(p.rule().job().script());
            assertThat(Files.isExecutable(payload.script())).as(p.name()).isTrue();
        }
        PayloadFiles cluster = shelved.payloadOf(production(tree, CLUSTER));
        assertThat(cluster.files()).startsWith(root.resolve(a).resolve(MACRO)).contains(root.resolve(a).resolve(SCRIPT));
        assertThat(cluster.script()).isEqualTo(root.resolve(a).resolve(SCRIPT));
        assertThat(Files.isExecutable(root.resolve(a).resolve(MACRO))).isFalse();
        assertThat(tree.isExecutable(SCRIPT)).isTrue();
        assertThat(new DirectoryTree(specs).isExecutable(SCRIPT)).as("a checkout says the same").isTrue();
        assertThat(new DirectoryTree(specs).isExecutable(MACRO)).isFalse();
    }

    @Test
    void payloadFromCommitAKeepsRunningForJobsSubmittedUnderAAfterCommitBChangesTheScript() throws Exception {
        String a = head();
        byte[] scriptOfA = Files.readAllBytes(specs.resolve(SCRIPT));
        PayloadFiles underA = shelf().shelve(a, tree(a), declared(tree(a))).payloadOf(production(tree(a), CLUSTER));
        Map<String, String> listingOfA = snapshot(root.resolve(a));

        Files.writeString(specs.resolve(SCRIPT), Files.readString(specs.resolve(SCRIPT)) + "# B: one more line\n");
        String b = commit("B changes the clustering script");
        PayloadFiles underB = shelf().shelve(b, tree(b), declared(tree(b))).payloadOf(production(tree(b), CLUSTER));

        assertThat(underB.script()).isEqualTo(root.resolve(b).resolve(SCRIPT)).isNotEqualTo(underA.script());
        assertThat(underB.script()).content(StandardCharsets.UTF_8).endsWith("# B: one more line\n");
        assertThat(underA.script()).as("a job submitted under A still reads A's script").hasBinaryContent(scriptOfA);
        assertThat(snapshot(root.resolve(a))).as("A's directory is untouched").isEqualTo(listingOfA);
    }

    @Test
    void aRepeatedCallReusesTheDirectoryAndWritesNothing() throws Exception {
        String a = head();
        PayloadShelf shelf = shelf();
        ShelvedCommit first = shelf.shelve(a, tree(a), declared(tree(a)));
        Path helpers = shelf.helpers();
        Map<String, String> before = snapshot(root);

        ShelvedCommit again = new PayloadShelf(root, OptionalInt.empty(), Clock.systemUTC()).shelve(a, tree(a), declared(tree(a)));

        assertThat(again).isEqualTo(first);
        assertThat(shelf.helpers()).isEqualTo(helpers);
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void aTemporaryDirectoryLeftByACrashIsIgnoredAndReplaced() throws Exception {
        String a = head();
        Path crashed = root.resolve("." + a + ".partial-crashed");
        Files.createDirectories(crashed.resolve("rules/run3auau/tracking_code"));
        Files.writeString(crashed.resolve(SCRIPT), "#!/bin/bash\n# half wri");
        Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = root.resolve("." + a + ".partial-still-writing");
        Files.createDirectories(writing);

        ShelvedCommit shelved = shelf().shelve(a, tree(a), declared(tree(a)));

        assertThat(shelved.directory()).isEqualTo(root.resolve(a));
        assertThat(shelved.payloadOf(production(tree(a), CLUSTER)).script())
                .hasBinaryContent(Files.readAllBytes(specs.resolve(SCRIPT)));
        assertThat(ShelfListing.read(root.resolve(a)).orElseThrow().problemIn(root.resolve(a))).isEmpty();
        assertThat(crashed).as("abandoned an hour ago").doesNotExist();
        assertThat(writing).as("another writer may still be at work").isDirectory();
    }

    @Test
    void twoEnginesRacingForOneCommitBothEndWithOneCompleteDirectory() throws Exception {
        String a = head();
        SpecTree tree = tree(a);
        List<Production> declared = declared(tree);
        ExecutorService engines = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Path shelfRoot = root.resolve("round" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ShelvedCommit>> results = new ArrayList<>();
                for (int engine = 0; engine < 2; engine++) {
                    results.add(engines.submit(() -> {
                        PayloadShelf shelf = new PayloadShelf(shelfRoot, OptionalInt.empty(), Clock.systemUTC());
                        start.await();
                        return shelf.shelve(a, tree, declared);
                    }));
                }

                assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
                assertThat(ShelfListing.read(shelfRoot.resolve(a)).orElseThrow().problemIn(shelfRoot.resolve(a))).isEmpty();
                try (Stream<Path> left = Files.list(shelfRoot)) {
                    assertThat(left.map(p -> p.getFileName().toString())).as("the loser removed its copy").containsExactly(a);
                }
            }
        } finally {
            engines.shutdownNow();
        }
    }

    @Test
    void theHelpersAreShelvedFromTheJarOncePerContentAndTheScriptsAreExecutable() throws Exception {
        Path source = RepositoryFiles.root().resolve("operator/src/main/resources/sphenixprod-helpers");
        PayloadShelf shelf = shelf();

        Path helpers = shelf.helpers();

        assertThat(helpers.getParent()).isEqualTo(root.resolve(PayloadShelf.HELPERS));
        assertThat(helpers.getFileName().toString()).matches("[0-9a-f]{64}");
        assertThat(shelf.helpers()).isEqualTo(helpers);
        for (String name : List.of("common_runscript_prep.sh", "stageout.sh", "create_filelist_run_daqhost.py",
                "create_full_filelist_run_seg.py")) {
            assertThat(helpers.resolve(name)).as(name).isRegularFile();
            assertThat(Files.isExecutable(helpers.resolve(name))).as(name).isTrue();
        }
        try (Stream<Path> shipped = Files.list(source)) {
            for (Path file : shipped.toList()) {
                Path shelved = helpers.resolve(file.getFileName().toString());
                assertThat(shelved).as("every helper of the resource directory is listed and shipped")
                        .hasSameBinaryContentAs(file);
                assertThat(Files.isExecutable(shelved)).as("%s has its mode in git", file.getFileName())
                        .isEqualTo(Files.isExecutable(file));
            }
        }
    }

    @Test
    void aLinkInThePayloadIsRefusedAndNothingIsShelved() throws Exception {
        SpecTree valid = tree(head());
        Files.createSymbolicLink(specs.resolve("rules/run3auau/tracking_code/passwd"), Path.of("/etc/passwd"));
        String linked = commit("A link in the clustering payload");

        assertThatThrownBy(() -> shelf().shelve(linked, tree(linked), List.of(production(valid, CLUSTER))))
                .isInstanceOf(PayloadShelfException.class).hasMessageContaining("tracking_code/passwd of commit " + linked + " is a symbolic link");
        assertThat(root.resolve(linked)).doesNotExist();
    }

    @Test
    void pathsThatCouldLeaveTheirDirectoryAndCommitIdsThatAreNotOneAreRefused() {
        for (String path : List.of("../escape.sh", "a/../../b", "/etc/passwd", "a//b", "./a", "a/.listing", "a\\b", "a\nb")) {
            assertThatThrownBy(() -> new ShelfFile(path, new byte[0], false)).as(path).isInstanceOf(PayloadShelfException.class);
        }
        assertThatThrownBy(() -> shelf().shelve("../" + "0".repeat(37), tree(head()), List.of()))
                .isInstanceOf(PayloadShelfException.class).hasMessageContaining("not a full git commit id");
    }

    @Test
    void directoriesGetTheJobDirectoryModeButNeverGroupWrite() throws Exception {
        String a = head();
        new PayloadShelf(root, OptionalInt.of(02775), Clock.systemUTC()).shelve(a, tree(a), declared(tree(a)));

        for (Path d : List.of(root, root.resolve(a), root.resolve(a).resolve("rules/run3auau/tracking_code"))) {
            assertThat((int) Files.getAttribute(d, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777).as(d.toString())
                    .isEqualTo(02755);
        }
    }

    @Test
    void withoutAModeNoDirectoryIsWritableByGroupOrOthers() throws Exception {
        String a = head();
        shelf().shelve(a, tree(a), declared(tree(a)));

        for (Path d : List.of(root, root.resolve(a), root.resolve(a).resolve("rules/run3auau/tracking_code"))) {
            assertThat((int) Files.getAttribute(d, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 022).as(d.toString()).isZero();
        }
    }

    @Test
    void theEnginesShelfIsAtThePayloadRootOfItsSettingsByDefaultBesideTheStagingRoot() {
        EngineSettings settings = EngineSettings.under(dir.resolve("data"), dir.resolve("scripts"));

        assertThat(settings.payloadRoot()).isEqualTo(dir.resolve("data/payloads"));
        assertThat(EngineAssembly.payloadShelf(settings, Clock.systemUTC()).root()).isEqualTo(dir.resolve("data/payloads"));
        assertThat(EngineAssembly.payloadShelf(settings.withPayloadRoot(dir.resolve("shelf")), Clock.systemUTC()).root())
                .isEqualTo(dir.resolve("shelf"));
    }

    @Test
    void globsTakeFilesInTheOrderTheyAreWritten() {
        List<String> files = List.of("a/x.C", "b/run.sh", "b/y.C");
        assertThat(PayloadGlob.taken(List.of("b/*.sh", "a/*", "b/*"), files)).containsExactly("b/run.sh", "a/x.C", "b/y.C");
    }

    private PayloadShelf shelf() {
        return new PayloadShelf(root, OptionalInt.empty(), Clock.systemUTC());
    }

    private String commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(PHYSICIST).setCommitter(PHYSICIST).call().getName();
    }

    private String head() throws IOException {
        return git.getRepository().resolve("HEAD").getName();
    }

    private SpecTree tree(String commit) {
        return new GitCommitTree(git.getRepository(), commit);
    }

    private static List<Production> declared(SpecTree tree) {
        return SpecLoader.load(tree).repository().orElseThrow().productions();
    }

    private static Production production(SpecTree tree, String name) {
        return declared(tree).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every file and directory below {@code top} with its inode, size, mode and modification time. */
    private static Map<String, String> snapshot(Path top) throws IOException {
        Map<String, String> seen = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                seen.put(top.relativize(p).toString(), Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS) + " "
                        + Files.size(p) + " " + Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) + " "
                        + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
            }
        }
        return seen;
    }
}
