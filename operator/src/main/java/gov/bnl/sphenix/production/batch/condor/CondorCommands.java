package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.Selection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of every tool the adapter runs. Each names the schedd when one is configured
 * ({@code -name}, for a schedd on another host or one of several on a submit node) and the central
 * manager that knows it when that is not the tools' own ({@code -pool}), and every
 * command that reads or changes jobs carries a constraint that names their owner.
 */
final class CondorCommands {

    /** One tool and its arguments, before the command prefix and tool directory. */
    record Command(String tool, List<String> arguments) {
        Command {
            arguments = List.copyOf(arguments);
        }
    }

    private final Optional<String> scheddName;
    private final Optional<String> pool;

    CondorCommands(Optional<String> scheddName, Optional<String> pool) {
        this.scheddName = scheddName;
        this.pool = pool;
    }

    CondorCommands(Optional<String> scheddName) {
        this(scheddName, Optional.empty());
    }

    /** The description comes on standard input; {@code -terse} prints the ids. */
    Command submit() {
        return command("condor_submit", "-terse", "-");
    }

    /**
     * {@code -allusers} because the default, the jobs of the user running the tool, need not be
     * the configured owner; the constraint names it instead.
     */
    Command query(String owner, Selection selection) {
        return command("condor_q", "-allusers", "-json", "-constraint", Constraints.of(owner, selection),
                "-attributes", String.join(",", JobAttributes.QUERY));
    }

    Command history(String owner, Selection selection, int limit) {
        return command("condor_history", "-json", "-constraint", Constraints.of(owner, selection),
                "-attributes", String.join(",", JobAttributes.QUERY), "-limit", Integer.toString(limit));
    }

    /**
     * A history listing that stops at the first job that left the queue before {@code since}
     * ({@code -since} with an expression): the history file is read newest first, so the read costs
     * what left since then, not the whole file.
     */
    Command history(String owner, Selection selection, Instant since, int limit) {
        return command("condor_history", "-json", "-constraint", Constraints.of(owner, selection),
                "-attributes", String.join(",", JobAttributes.QUERY), "-limit", Integer.toString(limit),
                "-since", "EnteredCurrentStatus < " + since.getEpochSecond());
    }

    Command release(String owner, Selection selection) {
        return command("condor_release", "-constraint", Constraints.of(owner, selection));
    }

    Command hold(String owner, Selection selection, String reason) {
        return command("condor_hold", "-reason", reason, "-constraint", Constraints.of(owner, selection));
    }

    Command remove(String owner, Selection selection, String reason) {
        return command("condor_rm", "-reason", reason, "-constraint", Constraints.of(owner, selection));
    }

    Command edit(String owner, Selection selection, JobEdit edit) {
        if (edit instanceof JobEdit.RequestMemory m) {
            return command("condor_qedit", "-constraint", Constraints.of(owner, selection), "RequestMemory",
                    Integer.toString(m.mib()));
        }
        if (edit instanceof JobEdit.Priority p) {
            return command("condor_qedit", "-constraint", Constraints.of(owner, selection), "JobPrio",
                    Integer.toString(p.priority()));
        }
        throw new IllegalArgumentException("cannot edit " + edit);
    }

    /** Totals for the health check: counts only, no job is read. */
    Command totals() {
        return command("condor_q", "-allusers", "-totals");
    }

    /** Who the schedd takes our tools for: the identity column of its WRITE row is the owner of what we submit. */
    Command identity() {
        return command("condor_ping", "-type", "schedd", "-table", "WRITE");
    }

    Command command(String tool, String... arguments) {
        List<String> words = new ArrayList<>();
        pool.ifPresent(host -> {
            words.add("-pool");
            words.add(host);
        });
        scheddName.ifPresent(name -> {
            words.add("-name");
            words.add(name);
        });
        words.addAll(List.of(arguments));
        return new Command(tool, words);
    }
}
