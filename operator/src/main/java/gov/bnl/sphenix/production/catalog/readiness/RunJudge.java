package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blockers the DAQ database alone tells, in {@link WaitReason}'s order: not selected, masked,
 * no host of the product, still running, below the run cuts. Pure. A run none of these stops is
 * decided from the catalog, by readiness's own evaluator.
 */
final class RunJudge {

    /** How many hosts a detail names before it says "and n more". */
    static final int NAMED = 4;

    private final ReasonRequest request;

    RunJudge(ReasonRequest request) {
        this.request = request;
    }

    /** The run asked about is not one the DAQ database knows. */
    static RunVerdict unknown(int run) {
        return new RunVerdict(run, WaitReason.NOT_SELECTED, "the DAQ database has no run " + run);
    }

    Optional<RunVerdict> judge(RunFacts run) {
        ReadinessRequest r = request.readiness();
        RunCuts cuts = r.cuts();
        if (!r.runs().contains(run.run())) {
            return verdict(run, WaitReason.NOT_SELECTED, "run " + run.run() + " is not in the production's runs " + r.runs());
        }
        if (!run.runtype().equals(cuts.runtype())) {
            return verdict(run, WaitReason.NOT_SELECTED, "a " + run.runtype() + " run; the production takes "
                    + cuts.runtype() + " runs");
        }
        if (!request.leaves().isEmpty()) {
            List<String> took = inRun(request.leaves(), run);
            if (took.isEmpty()) {
                return verdict(run, WaitReason.NO_HOSTS, "none of the product's hosts took part ("
                        + named(request.leaves()) + ")");
            }
            if (inRun(request.unmaskedLeaves(), run).isEmpty()) {
                return verdict(run, WaitReason.MASKED, "every host of the product that took part is masked: " + named(took));
            }
        }
        if (run.stillRunning()) {
            return verdict(run, WaitReason.STILL_RUNNING, "the run has not ended (no end time in the DAQ database)");
        }
        List<String> failed = new ArrayList<>();
        long seconds = run.seconds().getAsLong();
        if (seconds < cuts.minDuration().toSeconds()) {
            failed.add("too short: " + seconds + " s, the cut is " + cuts.minDuration().toSeconds() + " s");
        }
        if (run.events() < cuts.minEvents()) {
            failed.add("too few events: " + run.events() + ", the cut is " + cuts.minEvents());
        }
        return failed.isEmpty() ? Optional.empty() : verdict(run, WaitReason.BELOW_CUTS, String.join("; ", failed));
    }

    private static List<String> inRun(List<String> leaves, RunFacts run) {
        return leaves.stream().filter(leaf -> run.hosts().contains(ProductCatalogue.hostOf(leaf))).toList();
    }

    private static Optional<RunVerdict> verdict(RunFacts run, WaitReason reason, String detail) {
        return Optional.of(new RunVerdict(run.run(), reason, detail));
    }

    /** "intt0, intt1, intt2, intt3 and 4 more" */
    static String named(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
