package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.Candidate;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.plan.LedgerRow;
import gov.bnl.sphenix.production.plan.LiveJobInputs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The observed state of one production in the benchmark, made up on demand from the key index
 * the way a database cursor would hand it over, so that the heap the benchmark reports is the
 * planner's and not the test data's.
 *
 * <p>Key {@code i} of a production is run {@code firstRun + i / 20}, segment {@code i % 20}. The
 * first 70% of the keys are in the ledger; of those the last few hundred are in the queue (running,
 * queued, running too long, held for memory and for policy, just completed), a few are submitting,
 * stale or lost, a few failed or killed, and the rest succeeded with outputs. The last 30% are
 * ready and pending, but for a few whose jobs are in the queue with no ledger row (orphans).
 * An equal number of older runs are in the ledger and the file catalog but no longer ready.
 */
final class SyntheticProduction {

    static final int SEGMENTS = 20;
    private static final Hold MEMORY = new Hold(21, 102, "memory usage exceeded request_memory");
    private static final Hold POLICY = new Hold(3, 1, "NumJobStarts >= 1 && JobStatus == 1");

    private final Production spec;
    private final Production upstream;
    private final String outputPrefix;
    private final String upstreamPrefix;
    private final int firstRun;
    private final int keys;
    private final int queueJobs;
    private final long clusterBase;
    private final Instant now;

    /**
     * @param upstream a production whose outputs this one reads as a second input, or null
     */
    SyntheticProduction(Production spec, Production upstream, int firstRun, int keys, int queueJobs, long clusterBase,
                        Instant now) {
        this.spec = spec;
        this.upstream = upstream;
        this.outputPrefix = namePrefix(spec);
        this.upstreamPrefix = upstream == null ? null : namePrefix(upstream);
        this.firstRun = firstRun;
        this.keys = keys;
        // the orphans are part of the queue, so that the floor has exactly the queue size asked for
        this.queueJobs = Math.max(0, queueJobs - ORPHANS);
        this.clusterBase = clusterBase;
        this.now = now;
    }

    Production spec() {
        return spec;
    }

    /** Keys in the ledger among the ready ones; the rest are pending. */
    private int tracked() {
        return keys * 7 / 10;
    }

    /** Older keys in the ledger, no longer ready, in runs before {@code firstRun}. */
    private int history() {
        return keys - tracked();
    }

    private enum Kind { SUCCEEDED, FAILED, KILLED, LOST, IN_FLIGHT, STALE, RUNNING, OVERLONG, QUEUED, HELD_MEMORY, HELD_POLICY, COMPLETED, PENDING }

    /** Jobs in the queue under a key the ledger lost, among the newest pending keys. */
    static final int ORPHANS = 5;

    private Kind kind(int i) {
        int t = tracked();
        if (i >= t) {
            return Kind.PENDING;
        }
        int fromQueue = t - 1 - i;
        if (fromQueue < queueJobs) {
            int slot = fromQueue * 50 / Math.max(1, queueJobs);
            if (slot < 29) {
                return Kind.RUNNING;
            }
            if (slot < 30) {
                return Kind.OVERLONG;
            }
            if (slot < 45) {
                return Kind.QUEUED;
            }
            if (slot < 47) {
                return Kind.HELD_MEMORY;
            }
            if (slot < 49) {
                return Kind.HELD_POLICY;
            }
            return Kind.COMPLETED;
        }
        int below = fromQueue - queueJobs;
        if (below < 20) {
            return Kind.IN_FLIGHT;
        }
        if (below < 30) {
            return Kind.STALE;
        }
        if (below < 40) {
            return Kind.LOST;
        }
        if (i % 97 == 0) {
            return Kind.FAILED;
        }
        if (i % 101 == 0) {
            return Kind.KILLED;
        }
        return Kind.SUCCEEDED;
    }

    private JobKey key(int i) {
        return JobKey.of(spec.name(), firstRun + Math.floorDiv(i, SEGMENTS), Math.floorMod(i, SEGMENTS));
    }

    Stream<Candidate> candidates() {
        return IntStream.range(0, keys).mapToObj(i -> new Candidate(key(i), inputsOf(key(i))));
    }

    private List<String> inputsOf(JobKey key) {
        String raw = name(RAW_PREFIX, key.run(), key.segment());
        return upstream == null ? List.of(raw) : List.of(raw, name(upstreamPrefix, key.run(), key.segment()));
    }

    /**
     * What the ledger recorded for the live jobs: the inputs they were submitted with. Live rows are
     * the newest tracked keys (the queue and the submissions in flight), so only those are walked.
     */
    Stream<LiveJobInputs> liveJobInputs() {
        int newest = tracked();
        return IntStream.range(Math.max(0, newest - queueJobs - 40), newest)
                .filter(i -> ledgerState(kind(i)).isLive())
                .mapToObj(i -> LiveJobInputs.recorded(key(i), inputsOf(key(i))));
    }

    private static LedgerState ledgerState(Kind kind) {
        return switch (kind) {
            case SUCCEEDED -> LedgerState.SUCCEEDED;
            case FAILED -> LedgerState.FAILED;
            case KILLED -> LedgerState.KILLED;
            case IN_FLIGHT, STALE -> LedgerState.SUBMITTING;
            default -> LedgerState.QUEUED;
        };
    }

    /** A removed production's ledger: every key harvested, so all its outputs are provably its own. */
    Stream<LedgerRow> allSucceeded() {
        return IntStream.range(0, keys).mapToObj(i -> new LedgerRow(key(i), LedgerState.SUCCEEDED, 1,
                spec.memory().firstMib(), token(key(i)), Optional.of(jobId(i)), "", Optional.of(now), List.of()));
    }

    Stream<LedgerRow> ledger() {
        return IntStream.range(-history(), tracked()).mapToObj(i -> {
            Kind kind = i < 0 ? Kind.SUCCEEDED : kind(i);
            JobKey key = key(i);
            LedgerState state = ledgerState(kind);
            Instant submitted = now.minus(kind == Kind.IN_FLIGHT ? Duration.ofMinutes(1) : Duration.ofHours(2));
            List<HoldRecord> holds = kind == Kind.HELD_MEMORY ? List.of(new HoldRecord(now.minus(Duration.ofHours(1)), MEMORY,
                    spec.memory().firstMib())) : List.of();
            Optional<BatchJobId> job = state == LedgerState.SUBMITTING ? Optional.empty() : Optional.of(jobId(i));
            return new LedgerRow(key, state, 1, spec.memory().firstMib(), token(key), job, "", Optional.of(submitted), holds);
        });
    }

    Stream<ExistingOutput> outputs() {
        return IntStream.range(-history(), tracked())
                .filter(i -> i < 0 || kind(i) == Kind.SUCCEEDED)
                .mapToObj(i -> {
                    JobKey key = key(i);
                    return new ExistingOutput(key, List.of(name(outputPrefix, key.run(), key.segment())));
                });
    }

    /** Outputs of every key, for a production that was removed and whose outputs are all there. */
    Stream<ExistingOutput> allOutputs() {
        return IntStream.range(0, keys).mapToObj(i -> {
            JobKey key = key(i);
            return new ExistingOutput(key, List.of(name(outputPrefix, key.run(), key.segment())));
        });
    }

    List<BatchJob> queue() {
        List<BatchJob> jobs = new ArrayList<>(queueJobs);
        for (int i = tracked() - queueJobs; i < tracked(); i++) {
            JobKey key = key(i);
            BatchState state = switch (kind(i)) {
                case RUNNING, OVERLONG -> BatchState.RUNNING;
                case QUEUED -> BatchState.QUEUED;
                case HELD_MEMORY, HELD_POLICY -> BatchState.HELD;
                default -> BatchState.COMPLETED;
            };
            Optional<Hold> hold = kind(i) == Kind.HELD_MEMORY ? Optional.of(MEMORY)
                    : kind(i) == Kind.HELD_POLICY ? Optional.of(POLICY) : Optional.empty();
            jobs.add(new BatchJob(jobId(i), Optional.of(key), token(key), "", state, hold, spec.memory().firstMib(),
                    OptionalInt.empty(), state == BatchState.QUEUED ? 0 : 1, Optional.of(now.minus(Duration.ofHours(3))),
                    state == BatchState.RUNNING
                            ? Optional.of(now.minus(kind(i) == Kind.OVERLONG ? Duration.ofDays(4) : Duration.ofHours(1)))
                            : Optional.empty(),
                    Optional.of(now.minus(Duration.ofHours(1))),
                    state == BatchState.COMPLETED ? OptionalInt.of(0) : OptionalInt.empty()));
        }
        for (int i = Math.max(tracked(), keys - ORPHANS); i < keys; i++) {
            JobKey key = key(i);
            jobs.add(new BatchJob(jobId(i), Optional.of(key), token(key), "", BatchState.QUEUED, Optional.empty(),
                    spec.memory().firstMib(), OptionalInt.empty(), 0, Optional.of(now.minus(Duration.ofMinutes(30))),
                    Optional.empty(),
                    Optional.of(now.minus(Duration.ofMinutes(30))), OptionalInt.empty()));
        }
        return jobs;
    }

    private BatchJobId jobId(int i) {
        return new BatchJobId(clusterBase + i + history(), 0);
    }

    private static String token(JobKey key) {
        return key.production() + "/" + key.run() + "/" + key.segment() + "#1";
    }

    private static final String RAW_PREFIX = "DST_TRIGGERED_EVENT_seb00_run3auau_new_nocdbtag_v000-";

    /**
     * {@code <dsttype>_<dataset>_<tag>-}: the part of an output name shared by a production's keys.
     * Names are then built by hand, as fast as a database hands them over; the constructor checks
     * the result against {@link OutputFile}, the naming convention's one definition.
     */
    private static String namePrefix(Production production) {
        String prefix = production.dsttype() + "_" + production.namespace().dataset() + "_" + production.namespace().tag() + "-";
        String expected = OutputFile.of(production.dsttype(), production.namespace().dataset(), production.namespace().tag(),
                60_000, 7).fileName();
        if (!expected.equals(name(prefix, 60_000, 7))) {
            throw new IllegalStateException("synthetic names drifted from the naming convention: " + expected);
        }
        return prefix;
    }

    /** {@code <prefix><run:08d>-<segment:05d>.root} without a formatter. */
    private static String name(String prefix, int run, int segment) {
        StringBuilder name = new StringBuilder(prefix.length() + 20).append(prefix);
        pad(name, run, 8);
        name.append('-');
        pad(name, segment, 5);
        return name.append(".root").toString();
    }

    private static void pad(StringBuilder to, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        to.append(digits);
    }
}
