package gov.bnl.sphenix.production.tools.world;

import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload directory of jobs that follow the operator's own contract: the rules name the
 * sPHENIX scripts (run_parallel_streams.sh, ...), and so do productions' inline rules; on this machine each is the stand-in payload
 * {@code payloads/fake_sphenix_job.sh}, which needs nothing but bash.
 */
public final class StandinPayloads {

    private StandinPayloads() {
    }

    /** Installs the stand-in under the name of every script the rules of {@code specsDirectory} name. */
    public static Path install(Path specsDirectory, Path standin, Path payloads) throws IOException {
        Files.createDirectories(payloads);
        Path fake = standin.toAbsolutePath();
        SpecRepository repository = SpecLoader.load(new DirectoryTree(specsDirectory)).repository()
                .orElseThrow(() -> new IOException(specsDirectory + " does not validate; run prodctl validate on it"));
        List<Rule> rules = new ArrayList<>();
        repository.ruleSets().values().forEach(ruleSet -> rules.addAll(ruleSet.rules().values()));
        repository.productions().forEach(production -> rules.add(production.rule()));   // inline rules too
        for (Rule rule : rules) {
            Path script = payloads.resolve(rule.job().script());
            if (!Files.exists(script)) {
                Files.copy(fake, script, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return payloads;
    }

    /** The stand-in payload of a project's {@code production-specs/}. */
    public static Path of(Path productionSpecs) {
        return productionSpecs.resolve("payloads/fake_sphenix_job.sh");
    }
}
