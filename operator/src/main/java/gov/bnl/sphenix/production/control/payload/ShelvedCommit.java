package gov.bnl.sphenix.production.control.payload;

import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The payloads of one commit on the shelf: its directory, and for each production the commit
 * declares the repository-relative files its payload globs take, in their order.
 */
public record ShelvedCommit(String commitId, Path directory, Map<String, List<String>> payloads) {

    public ShelvedCommit {
        payloads = Map.copyOf(payloads);
    }

    /** The shelved files and script of a production among those this commit was shelved for. */
    public PayloadFiles payloadOf(Production production) {
        List<String> files = payloads.get(production.name());
        if (files == null) {
            throw new PayloadShelfException("production " + production.name() + " was not among the productions commit "
                    + commitId + " was shelved for");
        }
        String script = production.rule().job().script();
        String found = RuleJob.scriptAmong(script, files).orElseThrow(() -> new PayloadShelfException("script '"
                + script + "' of production " + production.name() + " is not in its payload at commit " + commitId));
        return new PayloadFiles(directory, files.stream().map(directory::resolve).toList(), directory.resolve(found));
    }
}
