package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Draft;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Outcome;
import gov.bnl.sphenix.production.tools.takeover.SteerConversion.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a steering file into a specs checkout, all or nothing: every rule is converted, files
 * that exist already are left alone, the new files are validated with the rest of the repository
 * before the first one is written, and checked again once written (removed again if they fail).
 */
public final class SteerImport {

    private final Path specs;

    public SteerImport(Path specs) {
        this.specs = specs;
    }

    public SteerImportReport run(SteerFile steer, Optional<String> onlyHost, boolean dryRun) {
        SpecTree tree = new DirectoryTree(specs);
        SteerConversion conversion = new SteerConversion(tree);
        List<SteerFile.Host> hosts = steer.hosts().stream()
                .filter(h -> onlyHost.map(h.name()::equals).orElse(true)).toList();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>();
        for (SteerFile.Host host : hosts) {
            for (SteerFile.Entry entry : host.entries()) {
                Outcome outcome = conversion.convert(entry);
                if (outcome instanceof Draft draft && tree.exists(draft.path())) {
                    outcome = new Skipped(entry, draft.path() + " exists already; it is left as it is (move it away"
                            + " to import this rule again)");
                } else if (outcome instanceof Draft draft && pending.containsKey(draft.path())) {
                    outcome = new Skipped(entry, "another rule of the file becomes " + draft.path() + " already");
                } else if (outcome instanceof Draft draft) {
                    pending.put(draft.path(), draft.text());
                }
                outcomes.add(outcome);
            }
        }
        List<Diagnostic> problems = newErrors(tree, new PendingSpecTree(tree, pending));
        if (problems.isEmpty() && !dryRun) {
            problems = write(pending, tree);
        }
        return new SteerImportReport(hosts, outcomes, problems, dryRun);
    }

    /** Writes the files; if the repository then shows errors it did not show before, removes them again. */
    private List<Diagnostic> write(Map<String, String> pending, SpecTree before) {
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : pending.entrySet()) {
                Path target = specs.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                // CREATE_NEW: a file that appeared since the check is not overwritten
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(target);
            }
            List<Diagnostic> problems = newErrors(before, new DirectoryTree(specs));
            if (!problems.isEmpty()) {
                remove(written);
            }
            return problems;
        } catch (IOException e) {
            remove(written);
            throw new UncheckedIOException("could not write the production files (none is left): " + e.getMessage(), e);
        }
    }

    /** Errors the import adds: those of the repository with the new files that it did not have without. */
    private static List<Diagnostic> newErrors(SpecTree without, SpecTree with) {
        Set<String> known = SpecLoader.load(without).errors().stream().map(Diagnostic::toString)
                .collect(Collectors.toSet());
        return SpecLoader.load(with).errors().stream().filter(d -> !known.contains(d.toString())).toList();
    }

    private static void remove(List<Path> written) {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove " + file + " after a failed import; delete it", e);
            }
        }
    }
}
