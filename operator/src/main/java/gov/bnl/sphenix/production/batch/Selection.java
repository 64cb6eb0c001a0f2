package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which jobs a query or an action is about, in the domain's words. Every selection names our
 * attributes, so a query reads one production and not the whole queue (the old monitor's
 * {@code condor_q} of everything was one of the loops we end). The HTCondor adapter renders a
 * selection as a ClassAd constraint; the local executor evaluates {@link #matches(BatchJob)}.
 */
public sealed interface Selection {

    boolean matches(BatchJob job);

    /** All jobs of a production. */
    static Selection production(String name) {
        return new Production(name);
    }

    /**
     * All jobs of these productions: what one pass reads of a schedd, in one query however many
     * productions there are.
     */
    static Selection productions(Collection<String> names) {
        return new Productions(Set.copyOf(names));
    }

    static Selection keys(Collection<JobKey> keys) {
        return new Keys(Set.copyOf(keys));
    }

    static Selection key(JobKey key) {
        return new Keys(Set.of(key));
    }

    static Selection ids(Collection<BatchJobId> ids) {
        return new Ids(Set.copyOf(ids));
    }

    static Selection id(BatchJobId id) {
        return new Ids(Set.of(id));
    }

    /** The jobs of one submission, found by the token written to the ledger before it. */
    static Selection token(String batchToken) {
        return new Token(batchToken);
    }

    static Selection inState(BatchState first, BatchState... more) {
        return new InState(EnumSet.of(first, more));
    }

    /**
     * This selection as the schedd {@code schedd} can carry it out: job ids of other schedds left
     * out (each schedd numbers its own clusters, so another's {@code 12.0} is a different job here);
     * empty when nothing of it is on that schedd.
     */
    default Optional<Selection> onSchedd(String schedd) {
        return Optional.of(this);
    }

    /** This selection narrowed by another. */
    default Selection and(Selection other) {
        return new Both(this, other);
    }

    record Production(String name) implements Selection {
        public Production {
            JobKey.requireProductionName(name);
        }

        @Override
        public boolean matches(BatchJob job) {
            return job.key().map(k -> k.production().equals(name)).orElse(false);
        }
    }

    record Productions(Set<String> names) implements Selection {
        public Productions {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("select at least one production");
            }
            names = Set.copyOf(names);
            names.forEach(JobKey::requireProductionName);
        }

        @Override
        public boolean matches(BatchJob job) {
            return job.key().map(k -> names.contains(k.production())).orElse(false);
        }

        /** Names in a stable order, so that rendered constraints are reproducible. */
        public List<String> sorted() {
            return List.copyOf(new TreeSet<>(names));
        }
    }

    record Keys(Set<JobKey> keys) implements Selection {
        public Keys {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("select at least one job key");
            }
            keys = Set.copyOf(keys);
        }

        @Override
        public boolean matches(BatchJob job) {
            return job.key().map(keys::contains).orElse(false);
        }

        /** Keys in a stable order, so that rendered constraints are reproducible. */
        public List<JobKey> sorted() {
            return List.copyOf(new TreeSet<>(keys));
        }
    }

    record Ids(Set<BatchJobId> ids) implements Selection {
        public Ids {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("select at least one job id");
            }
            ids = Set.copyOf(ids);
        }

        @Override
        public boolean matches(BatchJob job) {
            return ids.contains(job.id());
        }

        public List<BatchJobId> sorted() {
            return List.copyOf(new TreeSet<>(ids));
        }

        @Override
        public Optional<Selection> onSchedd(String schedd) {
            Set<BatchJobId> there = ids.stream().filter(id -> id.schedd().equals(schedd)).collect(Collectors.toSet());
            return there.isEmpty() ? Optional.empty() : Optional.of(there.size() == ids.size() ? this : new Ids(there));
        }
    }

    record Token(String batchToken) implements Selection {
        public Token {
            Objects.requireNonNull(batchToken, "batchToken");
            if (!batchToken.matches("[A-Za-z0-9._:+-]+")) {
                throw new IllegalArgumentException("'" + batchToken + "' is not a batch token");
            }
        }

        @Override
        public boolean matches(BatchJob job) {
            return job.batchToken().equals(batchToken);
        }
    }

    record InState(Set<BatchState> states) implements Selection {
        public InState {
            states = Set.copyOf(states);
            if (states.isEmpty()) {
                throw new IllegalArgumentException("select at least one state");
            }
        }

        @Override
        public boolean matches(BatchJob job) {
            return states.contains(job.state());
        }
    }

    record Both(Selection first, Selection second) implements Selection {
        public Both {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public boolean matches(BatchJob job) {
            return first.matches(job) && second.matches(job);
        }

        @Override
        public Optional<Selection> onSchedd(String schedd) {
            Optional<Selection> one = first.onSchedd(schedd);
            Optional<Selection> other = second.onSchedd(schedd);
            return one.isPresent() && other.isPresent() ? Optional.of(new Both(one.get(), other.get())) : Optional.empty();
        }
    }
}
