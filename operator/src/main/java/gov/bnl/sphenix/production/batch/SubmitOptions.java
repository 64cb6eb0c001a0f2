package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule asks of the batch system beyond memory, cores and disk, passed on as sphenixprod
 * passes it: a transfer-slot request ({@code request_xferslots}, the I/O throttle of the
 * combiners), {@code periodic_remove}, {@code accounting_group_user}, {@code requirements},
 * {@code periodic_hold} (added to the operator's own with {@code ||}) and
 * {@code concurrency_limits}, and its {@code comment} as a job attribute. Each becomes one line of the submit description, so each is refused
 * here when it could not stay on its line: a line break, a {@code $(} macro, or a trailing
 * backslash (which continues the line).
 *
 * @param requestXferslots transfer slots; 0 asks for none (a request of 0 would still need the
 *                         slot to advertise the resource)
 */
public record SubmitOptions(int requestXferslots, Optional<String> periodicRemove, Optional<String> accountingGroupUser,
                            Optional<String> requirements, Optional<String> periodicHold,
                            Optional<String> concurrencyLimits, Optional<Duration> maxRunTime,
                            Optional<String> comment) {

    public static final SubmitOptions NONE = new SubmitOptions(0, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Options without a run time of their own: the batch system's policy applies. */
    public SubmitOptions(int requestXferslots, Optional<String> periodicRemove, Optional<String> accountingGroupUser,
                         Optional<String> requirements, Optional<String> periodicHold,
                         Optional<String> concurrencyLimits) {
        this(requestXferslots, periodicRemove, accountingGroupUser, requirements, periodicHold, concurrencyLimits,
                Optional.empty(), Optional.empty());
    }

    /** The same options with the production's maximum run time, which replaces the policy's for its jobs. */
    public SubmitOptions withMaxRunTime(Optional<Duration> runTime) {
        return new SubmitOptions(requestXferslots, periodicRemove, accountingGroupUser, requirements, periodicHold,
                concurrencyLimits, runTime, comment);
    }

    public SubmitOptions {
        if (requestXferslots < 0) {
            throw new IllegalArgumentException("request_xferslots " + requestXferslots + " is negative");
        }
        checkLine("periodic_remove", periodicRemove);
        checkLine("requirements", requirements);
        checkLine("periodic_hold", periodicHold);
        checkLine("concurrency_limits", concurrencyLimits);
        checkLine("comment", comment);
        Objects.requireNonNull(accountingGroupUser, "accountingGroupUser");
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        accountingGroupUser.ifPresent(user -> {
            if (!CharacterRules.isSubmitWord(user)) {
                throw new IllegalArgumentException("accounting_group_user '" + user + "' must be "
                        + CharacterRules.SUBMIT_WORD_CHARACTERS);
            }
        });
    }

    /** The options of a rule's job block. */
    public static SubmitOptions of(RuleJob job) {
        return new SubmitOptions(job.requestXferslots(), job.periodicRemove(), job.accountingGroupUser(),
                job.extras().requirements(), job.extras().periodicHold(), job.extras().concurrencyLimits(),
                Optional.empty(), job.extras().comment());
    }

    /** The submit commands these options set, for a batch system that cannot apply them to say so. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (requestXferslots > 0) {
            names.add("request_xferslots");
        }
        periodicRemove.ifPresent(v -> names.add("periodic_remove"));
        accountingGroupUser.ifPresent(v -> names.add("accounting_group_user"));
        requirements.ifPresent(v -> names.add("requirements"));
        periodicHold.ifPresent(v -> names.add("periodic_hold"));
        concurrencyLimits.ifPresent(v -> names.add("concurrency_limits"));
        return names;
    }

    private static void checkLine(String name, Optional<String> value) {
        Objects.requireNonNull(value, name);
        value.ifPresent(v -> {
            CharacterRules.submitArgumentProblem(v).ifPresent(problem -> {
                throw new IllegalArgumentException(name + " " + problem + ": '" + v + "'");
            });
            if (v.isBlank() || v.endsWith("\\")) {
                throw new IllegalArgumentException(name + " '" + v + "' must be a non-empty expression that does not"
                        + " end in '\\' (which would continue the submit line)");
            }
        });
    }
}
