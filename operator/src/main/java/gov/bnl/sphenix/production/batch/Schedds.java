package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.BatchJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several schedds as one batch system, as sPHENIX ran productions across several submit hosts.
 * Every read asks each schedd once and answers their jobs together, or "unknown" when any schedd
 * does not answer: a queue known in part would make the other schedds' jobs look lost. A
 * production's jobs go to the schedd it is assigned to, else to the schedd holding the fewest of
 * our live jobs (its load at the last read of the whole pass, plus what went to it since). An
 * action goes to each schedd with only the job ids that schedd holds, so a kill of
 * {@code second@host#12.0} never touches {@code 12.0} of another schedd.
 *
 * <p>Each member labels the ids of its jobs with its own name (the HTCondor adapter does, with the
 * schedd name it is configured with); answers are labelled here again, which changes nothing for
 * such a member.
 */
public final class Schedds implements BatchSystem {

    /** One schedd: its name as job ids carry it, and the adapter that reaches it. */
    public record Member(String name, BatchSystem batch) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(batch, "batch");
            if (name.isBlank()) {
                throw new IllegalArgumentException("each of several schedds needs its name");
            }
        }
    }

    private final List<Member> members;
    private final ScheddAssignment assignment;
    /** Our live jobs per schedd: at the last read of the whole pass, plus submissions since. */
    private final Map<String, Integer> load = new ConcurrentHashMap<>();

    public Schedds(List<Member> members, ScheddAssignment assignment) {
        this.members = List.copyOf(members);
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        if (this.members.size() < 2) {
            throw new IllegalArgumentException("several schedds means at least two, got " + this.members.size());
        }
        List<String> names = this.members.stream().map(Member::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a schedd is named twice: " + names);
        }
        assignment.requireKnown(names);
        names.forEach(name -> load.put(name, 0));
    }

    /** The names of the schedds, in the order they were given. */
    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    /** The schedd the next jobs of {@code production} go to. */
    public String scheddFor(String production) {
        return assignment.scheddOf(production).orElseGet(() -> members.stream()
                .min(Comparator.comparingInt((Member m) -> load.getOrDefault(m.name(), 0)))
                .orElseThrow().name());
    }

    @Override
    public Submission submit(List<JobSpec> jobs) {
        Map<String, List<JobSpec>> byProduction = jobs.stream()
                .collect(Collectors.groupingBy(job -> job.key().production(), LinkedHashMap::new, Collectors.toList()));
        List<Submission.SubmittedJob> submitted = new ArrayList<>(jobs.size());
        for (Map.Entry<String, List<JobSpec>> production : byProduction.entrySet()) {
            Member schedd = member(scheddFor(production.getKey()));
            try {
                submitted.addAll(labelled(schedd, schedd.batch().submit(production.getValue()).jobs()));
            } catch (SubmitException e) {
                List<Submission.SubmittedJob> known = new ArrayList<>(submitted);
                known.addAll(labelled(schedd, e.submitted()));
                throw new SubmitException(schedd.name() + ": " + e.getMessage(), e.outcomeUnknown(), known);
            }
            load.merge(schedd.name(), production.getValue().size(), Integer::sum);
        }
        return new Submission(submitted);
    }

    @Override
    public QueueSnapshot query(Selection selection) {
        QueueSnapshot answer = everywhere(selection, (schedd, here) -> schedd.batch().query(here));
        if (answer instanceof QueueSnapshot.Known known && selection instanceof Selection.Productions) {
            // a read of the pass's productions is the load the next submissions are spread by
            Map<String, Long> live = known.jobs().stream().filter(BatchJob::isLive)
                    .collect(Collectors.groupingBy(job -> job.id().schedd(), Collectors.counting()));
            members.forEach(m -> load.put(m.name(), live.getOrDefault(m.name(), 0L).intValue()));
        }
        return answer;
    }

    @Override
    public QueueSnapshot history(Selection selection, int limit) {
        return everywhere(selection, (schedd, here) -> schedd.batch().history(here, limit));
    }

    @Override
    public QueueSnapshot history(Selection selection, Instant since, int limit) {
        return everywhere(selection, (schedd, here) -> schedd.batch().history(here, since, limit));
    }

    @Override
    public QueueReads reads() {
        return members.stream().map(m -> m.batch().reads()).reduce(QueueReads.NONE, QueueReads::plus);
    }

    @Override
    public void release(Selection selection) {
        act(selection, (schedd, here) -> schedd.batch().release(here));
    }

    @Override
    public void hold(Selection selection, String reason) {
        act(selection, (schedd, here) -> schedd.batch().hold(here, reason));
    }

    @Override
    public void remove(Selection selection, String reason) {
        act(selection, (schedd, here) -> schedd.batch().remove(here, reason));
    }

    @Override
    public void edit(Selection selection, JobEdit edit) {
        act(selection, (schedd, here) -> schedd.batch().edit(here, edit));
    }

    /** Up when every schedd answers; the detail names each. */
    @Override
    public Health health() {
        List<String> details = new ArrayList<>();
        boolean reachable = true;
        Duration slowest = Duration.ZERO;
        for (Member m : members) {
            Health one = m.batch().health();
            reachable &= one.reachable();
            slowest = one.latency().compareTo(slowest) > 0 ? one.latency() : slowest;
            details.add(m.name() + (one.reachable() ? ": " : " does not answer: ") + one.detail());
        }
        String detail = String.join("; ", details);
        return reachable ? Health.up(detail, slowest) : Health.down(detail, slowest);
    }

    @Override
    public void close() {
        members.forEach(m -> m.batch().close());
    }

    private interface Read {
        QueueSnapshot on(Member schedd, Selection here);
    }

    private interface Act {
        void on(Member schedd, Selection here);
    }

    private QueueSnapshot everywhere(Selection selection, Read read) {
        List<BatchJob> jobs = new ArrayList<>();
        Instant oldest = null;
        for (Member schedd : members) {
            Optional<Selection> here = selection.onSchedd(schedd.name());
            if (here.isEmpty()) {
                continue;
            }
            QueueSnapshot answer = read.on(schedd, here.get());
            if (!(answer instanceof QueueSnapshot.Known known)) {
                return QueueSnapshot.unknown(schedd.name() + ": " + ((QueueSnapshot.Unknown) answer).reason());
            }
            known.jobs().forEach(job -> jobs.add(job.withId(job.id().on(schedd.name()))));
            oldest = oldest == null || known.readAt().isBefore(oldest) ? known.readAt() : oldest;
        }
        return QueueSnapshot.of(jobs, oldest == null ? Instant.now() : oldest);
    }

    /** Every schedd gets its part; one refusing does not stop the others, and the first refusal is thrown. */
    private void act(Selection selection, Act action) {
        List<String> refusals = new ArrayList<>();
        for (Member schedd : members) {
            Optional<Selection> here = selection.onSchedd(schedd.name());
            if (here.isEmpty()) {
                continue;
            }
            try {
                action.on(schedd, here.get());
            } catch (BatchSystemException e) {
                refusals.add(schedd.name() + ": " + e.getMessage());
            }
        }
        if (!refusals.isEmpty()) {
            throw new BatchSystemException(String.join("; ", refusals));
        }
    }

    private Member member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no schedd " + name));
    }

    private static List<Submission.SubmittedJob> labelled(Member schedd, List<Submission.SubmittedJob> jobs) {
        Function<Submission.SubmittedJob, Submission.SubmittedJob> label =
                job -> new Submission.SubmittedJob(job.key(), job.id().on(schedd.name()));
        return jobs.stream().map(label).toList();
    }
}
