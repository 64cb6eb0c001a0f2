package gov.bnl.sphenix.production.control.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's worker-side helpers (common_runscript_prep.sh, stageout.sh, the input-list
 * helpers, ...), which run scripts find through {@code SPHENIXPROD_SCRIPT_PATH}. They ship inside
 * the operator's jar, under {@value #DIRECTORY}; a jar cannot list a directory and keeps no file
 * modes, so {@value #INDEX} names them, and a helper is executable when it starts with {@code #!}
 * (a script run directly) — a module the others import is not.
 */
final class WorkerHelpers {

    static final String DIRECTORY = "/sphenixprod-helpers/";
    static final String INDEX = "/sphenixprod-helpers.list";

    private WorkerHelpers() {
    }

    /** Every helper with its bytes, as the running jar holds them. */
    static List<ShelfFile> files() {
        List<ShelfFile> files = new ArrayList<>();
        for (String name : new String(resource(INDEX), StandardCharsets.UTF_8).split("\n")) {
            if (!name.isBlank()) {
                byte[] content = resource(DIRECTORY + name.strip());
                files.add(new ShelfFile(name.strip(), content, content.length > 1 && content[0] == '#' && content[1] == '!'));
            }
        }
        return List.copyOf(files);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WorkerHelpers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the operator's jar has no " + name + "; it was built without its resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the operator's jar", e);
        }
    }
}
