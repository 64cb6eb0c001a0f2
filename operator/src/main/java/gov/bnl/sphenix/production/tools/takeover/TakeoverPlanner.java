package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs.NamedJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, key by key, what the import adopts: from sphenixprod's rows, the live queue and what the
 * ledger already holds. It changes nothing; {@link Takeover} carries the decisions out.
 *
 * <p>A live job is adopted only when everything agrees: its {@code JobBatchName} is
 * {@code <branch>.<the rule's batch_name>}, the last word of its arguments is the row's id, the
 * row's cluster and process (as far as sphenixprod recorded them) are the job's, and its arguments
 * carry the row's run and segment. Anything less and the job stays sphenixprod's, with the reason.
 */
final class TakeoverPlanner {

    /** The FileCatalog's answer: which of these logical file names it knows. */
    interface Catalogued {
        Set<String> of(Collection<String> lfns) throws SQLException;
    }

    /** Running first, then held, then queued: of two live jobs of one key, the one furthest along stays. */
    private static final Comparator<NamedJob> FURTHEST = Comparator
            .comparingInt((NamedJob j) -> j.state() == BatchState.RUNNING ? 0 : j.state() == BatchState.HELD ? 1 : 2)
            .thenComparing(NamedJob::id);

    private final DeclaredProductions productions;
    private final Catalogued catalogued;

    TakeoverPlanner(DeclaredProductions productions, Catalogued catalogued) {
        this.productions = productions;
        this.catalogued = catalogued;
    }

    /**
     * @param ledger the states the ledger holds, per production and key
     */
    List<Adoption> plan(List<SphenixprodRow> rows, List<NamedJob> queue,
                        Map<String, Map<JobKey, LedgerState>> ledger) throws SQLException {
        Map<Long, List<NamedJob>> jobsByDbid = byDbid(queue);
        List<Adoption> decisions = new ArrayList<>();
        Map<JobKey, List<RowOutput>> byKey = new TreeMap<>();
        Set<Long> dbids = new HashSet<>();
        for (SphenixprodRow row : rows) {
            dbids.add(row.dbid());
            DeclaredProductions.Match match = productions.match(row);
            if (match instanceof DeclaredProductions.Match.Found found) {
                byKey.computeIfAbsent(found.key(), k -> new ArrayList<>()).add(new RowOutput(found, row));
            } else if (match instanceof DeclaredProductions.Match.NotFound none) {
                decisions.add(new Adoption.Refused(none.production(), row.describe(), none.reason()));
            }
        }
        List<KeyRows> finishedKeys = new ArrayList<>();
        for (List<RowOutput> group : byKey.values()) {
            KeyRows key = new KeyRows(group.get(0).found().production(), group.get(0).found().key(), group);
            Optional<LedgerState> recorded = Optional.ofNullable(
                    ledger.getOrDefault(key.production().name(), Map.of()).get(key.key()));
            if (decideLive(key, jobsByDbid, recorded, decisions)) {
                continue;
            }
            if (recorded.isPresent()) {
                decisions.add(new Adoption.Already(key.production(), key.key()));
                continue;
            }
            SphenixprodRow latest = key.latest();
            if (latest.status().equals("finished")) {
                finishedKeys.add(key);
            } else if (latest.believedLive()) {
                decisions.add(new Adoption.Refused(Optional.of(key.production()), latest.describe(), "sphenixprod says "
                        + latest.status() + ", but no job of ours in the queue ends its arguments with dbid "
                        + latest.dbid() + "; the operator will submit " + key.key().jobName() + " itself"));
            } else {
                decisions.add(new Adoption.Refused(Optional.of(key.production()), latest.describe(), "status "
                        + latest.status() + " is neither live nor finished; the operator plans " + key.key().jobName()
                        + " anew"));
            }
        }
        decideFinished(finishedKeys, decisions);
        unknownJobs(queue, dbids, decisions);
        return decisions;
    }

    /** Adopts the key's live job, if one is proven; true when the key is decided (or reported) by its jobs. */
    private boolean decideLive(KeyRows key, Map<Long, List<NamedJob>> jobsByDbid, Optional<LedgerState> recorded,
                               List<Adoption> decisions) {
        Optional<String> batchName = DeclaredProductions.sphenixprodBatchName(key.production());
        List<Proven> proven = new ArrayList<>();
        boolean anyJob = false;
        for (RowOutput rowOutput : key.rows()) {
            SphenixprodRow row = rowOutput.row();
            for (NamedJob job : jobsByDbid.getOrDefault(row.dbid(), List.of())) {
                anyJob = true;
                Optional<String> doubt = doubt(key, rowOutput, job, batchName);
                if (doubt.isPresent()) {
                    decisions.add(new Adoption.Refused(Optional.of(key.production()), "job " + job.id() + " of "
                            + row.describe(), doubt.get()));
                } else {
                    proven.add(new Proven(row, job));
                }
            }
        }
        if (proven.isEmpty()) {
            // a job that carries the row's id but cannot be proven its own was reported: no second word on the key
            return anyJob;
        }
        proven.sort(Comparator.comparing(Proven::job, FURTHEST));
        Proven kept = proven.get(0);
        if (kept.job().jobKey().isPresent()) {
            decisions.add(new Adoption.Already(key.production(), key.key()));
        } else if (recorded.isPresent()) {
            decisions.add(new Adoption.Refused(Optional.of(key.production()), "job " + kept.job().id() + " of "
                    + kept.row().describe(), "the ledger already has " + key.key() + " ("
                    + recorded.get().name().toLowerCase(Locale.ROOT)
                    + "): this is a second job of that key; remove it with condor_rm " + kept.job().id()));
        } else {
            decisions.add(new Adoption.Live(key.production(), key.key(), kept.row(), kept.job()));
        }
        for (Proven other : proven.subList(1, proven.size())) {
            decisions.add(new Adoption.Refused(Optional.of(key.production()), "job " + other.job().id() + " of "
                    + other.row().describe(), "a second live job of " + key.key() + " (job " + kept.job().id()
                    + " is adopted); left to sphenixprod: remove it with condor_rm " + other.job().id()));
        }
        return true;
    }

    private static Optional<String> doubt(KeyRows key, RowOutput rowOutput, NamedJob job, Optional<String> batchName) {
        SphenixprodRow row = rowOutput.row();
        if (batchName.isEmpty()) {
            return Optional.of("rule " + key.production().rule().name() + " has no batch_name the import can fill,"
                    + " so its jobs cannot be told from others'");
        }
        if (!withoutBranch(job).equals(Optional.of(batchName.get()))) {
            return Optional.of("its JobBatchName " + job.batchName() + " is not <branch>." + batchName.get());
        }
        if (row.clusterId().isPresent() && row.clusterId().getAsLong() != job.id().cluster()
                || row.procId().isPresent() && row.procId().getAsInt() != job.id().proc()) {
            String recorded = row.procId().isPresent() && row.clusterId().isPresent()
                    ? "job " + row.clusterId().getAsLong() + "." + row.procId().getAsInt()
                    : row.clusterId().isPresent() ? "cluster " + row.clusterId().getAsLong()
                    : "process " + row.procId().getAsInt();
            return Optional.of("the row records " + recorded + ", not the job's " + job.id());
        }
        String run = Integer.toString(rowOutput.found().output().run());
        String segment = Integer.toString(rowOutput.found().output().segment());
        List<String> words = job.arguments();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals(run) && words.get(i + 1).equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of("its arguments do not carry run " + run + " segment " + segment);
    }

    /** Finished rows count as done when their output is catalogued; one FileCatalog query for all. */
    private void decideFinished(List<KeyRows> keys, List<Adoption> decisions) throws SQLException {
        Map<String, KeyRows> byLfn = new LinkedHashMap<>();
        for (KeyRows key : keys) {
            byLfn.put(key.latest().filename().orElseThrow(), key);
        }
        Set<String> known = byLfn.isEmpty() ? Set.of() : catalogued.of(byLfn.keySet());
        for (Map.Entry<String, KeyRows> entry : byLfn.entrySet()) {
            KeyRows key = entry.getValue();
            SphenixprodRow row = key.latest();
            if (known.contains(entry.getKey())) {
                decisions.add(new Adoption.Done(key.production(), key.key(), row, entry.getKey()));
            } else if (row.clusterId().isEmpty() || row.procId().isEmpty()) {
                decisions.add(new Adoption.Refused(Optional.of(key.production()), row.describe(), "finished, but"
                        + " its output is not in the FileCatalog"));
            } else {
                decisions.add(new Adoption.Refused(Optional.of(key.production()), row.describe(), "finished, but"
                        + " its output " + entry.getKey() + " is not in the FileCatalog (yet: sphenixprod's spider"
                        + " registers it); the operator will submit " + key.key().jobName() + " unless it appears"));
            }
        }
    }

    /** Live jobs of a declared production's batch whose dbid no row has: sphenixprod's table lost them. */
    private void unknownJobs(List<NamedJob> queue, Set<Long> dbids, List<Adoption> decisions) {
        Map<String, Production> byBatchName = new HashMap<>();
        for (Production p : productions.all()) {
            DeclaredProductions.sphenixprodBatchName(p).ifPresent(name -> byBatchName.put(name, p));
        }
        for (NamedJob job : queue) {
            Production production = withoutBranch(job).map(byBatchName::get).orElse(null);
            Optional<Long> dbid = dbid(job);
            if (production != null && job.jobKey().isEmpty() && (dbid.isEmpty() || !dbids.contains(dbid.get()))) {
                decisions.add(new Adoption.Refused(Optional.of(production), "job " + job.id() + " ("
                        + job.batchName() + ")", dbid.map(id -> "no production_jobs row has id " + id)
                        .orElse("its arguments do not end in a dbid") + "; left to sphenixprod"));
            }
        }
    }

    private static Map<Long, List<NamedJob>> byDbid(List<NamedJob> queue) {
        Map<Long, List<NamedJob>> jobs = new HashMap<>();
        for (NamedJob job : queue) {
            dbid(job).ifPresent(id -> jobs.computeIfAbsent(id, k -> new ArrayList<>()).add(job));
        }
        return jobs;
    }

    /** The batch name after the {@code <branch>.} sphenixprod puts in front; empty without one. */
    private static Optional<String> withoutBranch(NamedJob job) {
        int dot = job.batchName().indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(job.batchName().substring(dot + 1));
    }

    /** sphenixprod appends the row's id as the last word of a job's arguments. */
    static Optional<Long> dbid(NamedJob job) {
        if (job.arguments().isEmpty()) {
            return Optional.empty();
        }
        String last = job.arguments().get(job.arguments().size() - 1);
        return last.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(last)) : Optional.empty();
    }

    private record RowOutput(DeclaredProductions.Match.Found found, SphenixprodRow row) {
    }

    private record Proven(SphenixprodRow row, NamedJob job) {
    }

    /** The rows of one key, oldest first. */
    private record KeyRows(Production production, JobKey key, List<RowOutput> rows) {
        SphenixprodRow latest() {
            return rows.get(rows.size() - 1).row();
        }
    }
}
