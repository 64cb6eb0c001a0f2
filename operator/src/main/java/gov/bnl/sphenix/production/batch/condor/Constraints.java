package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
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

    /** Read once: a queue listing asks for the state of every job it holds. */
    private static final Map<Integer, BatchState> BY_STATUS_CODE = byStatusCode();

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
        if (selection instanceof Selection.Productions p) {
            if (p.names().size() == 1) {
                return JobAttributes.PRODUCTION + " =?= " + ClassAds.string(p.sorted().get(0));
            }
            return "identicalMember(" + JobAttributes.PRODUCTION + ", {"
                    + p.sorted().stream().map(ClassAds::string).collect(Collectors.joining(", ")) + "})";
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

    /**
     * HTCondor's JobStatus codes of each state: the one place they are mapped, both ways. HTCondor's
     * Idle (1) is our QUEUED; transferring output (6) and suspended (7) still count as running.
     */
    static List<Integer> statusCodes(BatchState state) {
        return switch (state) {
            case QUEUED -> List.of(1);
            case RUNNING -> List.of(2, 6, 7);
            case REMOVED -> List.of(3);
            case COMPLETED -> List.of(4);
            case HELD -> List.of(5);
        };
    }

    static BatchState state(int jobStatus) {
        BatchState state = BY_STATUS_CODE.get(jobStatus);
        if (state == null) {
            throw new IllegalArgumentException("unknown JobStatus " + jobStatus);
        }
        return state;
    }

    private static Map<Integer, BatchState> byStatusCode() {
        Map<Integer, BatchState> states = new TreeMap<>();
        for (BatchState state : BatchState.values()) {
            statusCodes(state).forEach(code -> states.put(code, state));
        }
        return Map.copyOf(states);
    }
}
