package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.batch.JobState;
import gov.bnl.sphenix.production.batch.Selection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@link Selection} as a ClassAd constraint for {@code -constraint}, always limited to the jobs
 * of one owner: in a shared schedd anyone can put {@code +ProdOpProduction} on a job, and another
 * user's job must never be adopted, changed or removed. Strings compare with {@code =?=}, which is
 * case-sensitive (unlike {@code ==}, for which {@code "Sphnxpro" == "sphnxpro"}) and false (not
 * undefined) for jobs without the attribute, so jobs that are not ours never match.
 */
final class Constraints {

    private Constraints() {
    }

    /** The jobs of {@code owner} that {@code selection} names. */
    static String of(String owner, Selection selection) {
        return JobAttributes.OWNER + " =?= " + ClassAds.string(owner) + " && (" + matching(selection) + ")";
    }

    private static String matching(Selection selection) {
        if (selection instanceof Selection.Production p) {
            return JobAttributes.PRODUCTION + " =?= " + ClassAds.string(p.name());
        }
        if (selection instanceof Selection.Token t) {
            return JobAttributes.TOKEN + " =?= " + ClassAds.string(t.batchToken());
        }
        if (selection instanceof Selection.Keys k) {
            if (k.keys().size() == 1) {
                return JobAttributes.JOB_KEY + " =?= " + ClassAds.string(k.sorted().get(0).toString());
            }
            return "identicalMember(" + JobAttributes.JOB_KEY + ", {"
                    + k.sorted().stream().map(key -> ClassAds.string(key.toString())).collect(Collectors.joining(", "))
                    + "})";
        }
        if (selection instanceof Selection.Ids ids) {
            return ids(ids.sorted());
        }
        if (selection instanceof Selection.InState s) {
            List<Integer> codes = new TreeSet<>(s.states().stream().flatMap(st -> statusCodes(st).stream()).toList())
                    .stream().toList();
            return codes.size() == 1 ? "JobStatus == " + codes.get(0)
                    : "member(JobStatus, {" + codes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "})";
        }
        if (selection instanceof Selection.Both b) {
            return "(" + matching(b.first()) + ") && (" + matching(b.second()) + ")";
        }
        throw new IllegalArgumentException("no constraint for " + selection);
    }

    /** Grouped by cluster, since the jobs of one submission share it: {@code ClusterId == 7 && member(ProcId, {0, 1})}. */
    private static String ids(List<BatchJobId> ids) {
        Map<Long, List<Integer>> byCluster = new TreeMap<>();
        for (BatchJobId id : ids) {
            byCluster.computeIfAbsent(id.cluster(), c -> new java.util.ArrayList<>()).add(id.proc());
        }
        return byCluster.entrySet().stream().map(e -> {
            List<Integer> procs = e.getValue();
            String proc = procs.size() == 1 ? "ProcId == " + procs.get(0)
                    : "member(ProcId, {" + procs.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "})";
            return "(ClusterId == " + e.getKey() + " && " + proc + ")";
        }).collect(Collectors.joining(" || "));
    }

    /** HTCondor's JobStatus values for a state (running includes transferring output and suspended). */
    static List<Integer> statusCodes(JobState state) {
        return switch (state) {
            case IDLE -> List.of(1);
            case RUNNING -> List.of(2, 6, 7);
            case REMOVED -> List.of(3);
            case COMPLETED -> List.of(4);
            case HELD -> List.of(5);
        };
    }

    static JobState state(int jobStatus) {
        return switch (jobStatus) {
            case 1 -> JobState.IDLE;
            case 2, 6, 7 -> JobState.RUNNING;
            case 3 -> JobState.REMOVED;
            case 4 -> JobState.COMPLETED;
            case 5 -> JobState.HELD;
            default -> throw new IllegalArgumentException("unknown JobStatus " + jobStatus);
        };
    }
}
