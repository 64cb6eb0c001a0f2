package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.Layout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A production as declared by one file under {@code productions/}: which rule, over which runs,
 * with which overrides, limits and removal policy. Values here are resolved — overrides applied,
 * run lists read — so the planner never looks back at YAML.
 *
 * @param name        {@code metadata.name}, unique in the repository; the job key starts with it
 * @param file        the production file, relative to the specs repository
 * @param ruleSetFile the rule-set file the rule came from; empty for an inline rule
 * @param rule        the rule, from the rule set or inline
 * @param runs        the selected runs (ranges, lists and run-list files, minus exclusions)
 * @param order       which runs go first
 * @param masks       detectors or hosts left out of readiness ({@code TPC17}, {@code intt3}, {@code ebdc07_1})
 * @param segments    segment 0 only, or all segments
 * @param priority    batch priority for new submissions (production override, else the rule's)
 * @param memory      memory ladder for new submissions (production override, else the rule's)
 * @param limits      queue and per-pass caps
 * @param submit      whether to submit jobs at all (false: only harvest and report)
 * @param harvest     whether to register outputs of finished jobs
 * @param onRemoval   what a {@code git revert} of this file does
 * @param reruns      rerun tokens per run range
 */
public record Production(String name, String file, Optional<String> ruleSetFile, Rule rule,
                         RunSet runs, RunOrder order, List<String> masks, Segments segments,
                         int priority, MemoryLadder memory, Limits limits, boolean submit,
                         boolean harvest, RemovalPolicy onRemoval, List<RerunToken> reruns) {

    public Production {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ruleSetFile, "ruleSetFile");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(order, "order");
        masks = List.copyOf(masks);
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(onRemoval, "onRemoval");
        reruns = List.copyOf(reruns);
    }

    /**
     * The site's layout as this production's rule places its files ({@code filesystem} and
     * {@code log}); the site's own when the rule does not. Throws {@link IllegalArgumentException}
     * when the rule names a directory outside the site's trees.
     */
    public Layout placedIn(Layout site, Layout.Role role) {
        return site.forRule(rule.params().period(), rule.job().filesystem(), rule.job().logTemplate(), role);
    }

    public OutputNamespace namespace() {
        return rule.namespace();
    }

    public String dsttype() {
        return rule.params().dsttype();
    }

    /**
     * The rerun token in force for a run: the last declared token whose runs include it, or the
     * empty string. A job remembers the token it ran under; a different token means "redo".
     */
    public String rerunTokenFor(int run) {
        String token = "";
        for (RerunToken r : reruns) {
            if (r.runs().contains(run)) {
                token = r.token();
            }
        }
        return token;
    }

    /**
     * A digest of everything that decides what this production does. The ledger records it so a
     * status page can tell which version of the spec made a job.
     */
    public String specHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
