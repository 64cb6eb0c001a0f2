package gov.bnl.sphenix.production.spec.names;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's {@code log}: where the batch system writes a job's event log, as sphenixprod writes it,
 * {@code {condor}/{logbase}.condor}. It names a file in one of the job's own directories — the
 * {@code condor} or the {@code logdir} directory of the rule's filesystem — and carries
 * {@code {logbase}}, so that no two jobs share one event log (HTCondor appends to it, and the
 * operator reads a failed job's from it).
 */
public record BatchLogTemplate(String text) {

    // before SPHENIXPROD: static fields are set in this order, and the constructor checks against it
    private static final Pattern FORM = Pattern.compile("\\{(condor|logdir)}/([A-Za-z0-9._+-]*\\{logbase}[A-Za-z0-9._+-]*)");

    /** sphenixprod's own template, and what a rule without {@code log} gets. */
    public static final BatchLogTemplate SPHENIXPROD = new BatchLogTemplate("{condor}/{logbase}.condor");

    public BatchLogTemplate {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("log '" + text + "' " + problem.get());
        }
    }

    /** What is wrong with a template, in words that follow its text; empty when it is usable. */
    public static Optional<String> problem(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return Optional.of("must be a file name holding {logbase} in the job's {condor} or {logdir} directory,"
                    + " like '{condor}/{logbase}.condor'");
        }
        return Optional.empty();
    }

    /** The event log of one job, in {@code condor} or {@code logdir} as the template says. */
    public Path fill(Path condor, Path logdir, String logbase) {
        var m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException(text);
        }
        Path directory = m.group(1).equals("condor") ? condor : logdir;
        return directory.resolve(m.group(2).replace("{logbase}", logbase));
    }
}
