package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks at start-up, for each staging tree and the final tree its files go to, whether a move
 * between them is a rename (one file system) or must be a copy ({@link OutputMove}). The copy is
 * correct but reads and writes every byte again and leaves more to clean after a crash, so an
 * operator wants to hear about it at start-up, with the paths, not discover it in slow harvests.
 * A pair whose final tree cannot be written at all is reported too.
 */
final class StoragePairs {

    /** One staging tree and its final tree. */
    record Pair(String tree, Path staging, Path target) {
    }

    /** @param atomic true when the move is a rename and the trees can be written */
    record Finding(Pair pair, boolean atomic, String message) {
    }

    private StoragePairs() {
    }

    static List<Pair> pairs(EngineSettings settings) {
        Layout staging = settings.stagingLayout();
        Layout finalTree = settings.layout();
        return List.of(new Pair("DST", staging.dstRoot(), finalTree.dstRoot()),
                new Pair("histogram", staging.histRoot(), finalTree.histRoot()));
    }

    static List<Finding> check(EngineSettings settings) {
        return pairs(settings).stream().map(StoragePairs::check).toList();
    }

    static Finding check(Pair pair) {
        Path staging = existing(pair.staging());
        Path target = existing(pair.target());
        String trees = pair.tree() + " staging " + pair.staging() + " and final tree " + pair.target();
        if (!Files.isWritable(target)) {
            return new Finding(pair, false, trees + ": " + target + " cannot be written by this account, so no output"
                    + " can be moved into place; give it write access");
        }
        try {
            FileStore from = Files.getFileStore(staging);
            FileStore to = Files.getFileStore(target);
            if (from.equals(to)) {
                return new Finding(pair, true, trees + " are on one file system (" + from.name()
                        + "): outputs are moved by an atomic rename");
            }
            return new Finding(pair, false, trees + " are on different file systems (" + from.name() + ", " + to.name()
                    + "): a rename cannot move between them, so outputs are copied, synced and renamed into place —"
                    + " correct, but every byte is written twice; put the " + pair.tree()
                    + " staging tree on the final tree's file system to make it a rename");
        } catch (IOException e) {
            return new Finding(pair, false, trees + ": cannot tell which file systems they are on (" + e + ")");
        }
    }

    /** The path itself or its nearest existing ancestor: the trees are made on first use. */
    private static Path existing(Path path) {
        Path p = path.toAbsolutePath();
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
