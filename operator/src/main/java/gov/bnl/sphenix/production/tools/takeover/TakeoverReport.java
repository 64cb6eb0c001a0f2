package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.Production;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an import adopted, per production, and every row or job it left alone with the reason:
 * <pre>
 * calo: adopted 2 queued, 1 running, 4 done; 1 unmatched
 *   dbid 17 (DST_CALO_run3auau_ana530_2025p008_v001-00066041-00000.root, run 66041 segment 0, failed): status failed ...
 * import: 3 jobs adopted, 4 done, 1 not matched
 * </pre>
 */
public final class TakeoverReport {

    private final List<Production> productions;
    private final List<Adoption> outcomes;
    private final boolean dryRun;
    private final int rowsRead;
    private final int jobsRead;

    TakeoverReport(List<Production> productions, List<Adoption> outcomes, boolean dryRun, int rowsRead, int jobsRead) {
        this.productions = List.copyOf(productions);
        this.outcomes = List.copyOf(outcomes);
        this.dryRun = dryRun;
        this.rowsRead = rowsRead;
        this.jobsRead = jobsRead;
    }

    /** Live jobs adopted (queued, running or held). */
    public int adopted() {
        return (int) outcomes.stream().filter(Adoption.Live.class::isInstance).count();
    }

    public int done() {
        return (int) outcomes.stream().filter(Adoption.Done.class::isInstance).count();
    }

    public int notMatched() {
        return (int) outcomes.stream().filter(Adoption.Refused.class::isInstance).count();
    }

    public int alreadyAdopted() {
        return (int) outcomes.stream().filter(Adoption.Already.class::isInstance).count();
    }

    /** Every reason given for leaving a row or job alone, in the order printed. */
    public List<String> reasons() {
        return outcomes.stream().filter(Adoption.Refused.class::isInstance).map(Adoption.Refused.class::cast)
                .map(r -> r.subject() + ": " + r.reason()).toList();
    }

    public String render() {
        String verb = dryRun ? "would adopt" : "adopted";
        StringBuilder text = new StringBuilder();
        text.append("read ").append(rowsRead).append(" production_jobs rows and ").append(jobsRead)
                .append(" live jobs with a JobBatchName\n");
        for (Production p : productions) {
            List<Adoption> of = outcomes.stream().filter(o -> production(o).filter(p::equals).isPresent()).toList();
            long queued = live(of, "QUEUED");
            long running = live(of, "RUNNING");
            long held = live(of, "HELD");
            long done = of.stream().filter(Adoption.Done.class::isInstance).count();
            long already = of.stream().filter(Adoption.Already.class::isInstance).count();
            List<Adoption.Refused> refused = refused(of);
            text.append(p.name()).append(": ").append(verb).append(' ').append(queued).append(" queued, ")
                    .append(running).append(" running, ");
            if (held > 0) {
                text.append(held).append(" held, ");
            }
            text.append(done).append(" done; ").append(refused.size()).append(" unmatched");
            if (already > 0) {
                text.append("; ").append(already).append(" already in the ledger");
            }
            text.append('\n');
            refused.forEach(r -> text.append("  ").append(r.subject()).append(": ").append(r.reason()).append('\n'));
        }
        List<Adoption.Refused> nowhere = refused(outcomes.stream().filter(o -> production(o).isEmpty()).toList());
        if (!nowhere.isEmpty()) {
            text.append("no declared production: ").append(nowhere.size()).append(" unmatched\n");
            nowhere.forEach(r -> text.append("  ").append(r.subject()).append(": ").append(r.reason()).append('\n'));
        }
        text.append("import: ").append(adopted()).append(" jobs ").append(verb.equals("adopted") ? "adopted" : "would be adopted")
                .append(", ").append(done()).append(" done, ").append(notMatched()).append(" not matched");
        if (alreadyAdopted() > 0) {
            text.append(" (").append(alreadyAdopted()).append(" already in the ledger)");
        }
        return text.append('\n').toString();
    }

    private static long live(List<Adoption> of, String state) {
        return of.stream().filter(Adoption.Live.class::isInstance).map(Adoption.Live.class::cast)
                .filter(l -> l.job().state().name().equals(state)).count();
    }

    private static List<Adoption.Refused> refused(List<Adoption> of) {
        List<Adoption.Refused> refused = new ArrayList<>();
        of.stream().filter(Adoption.Refused.class::isInstance).map(Adoption.Refused.class::cast).forEach(refused::add);
        return refused;
    }

    private static Optional<Production> production(Adoption outcome) {
        if (outcome instanceof Adoption.Live l) {
            return Optional.of(l.production());
        }
        if (outcome instanceof Adoption.Done d) {
            return Optional.of(d.production());
        }
        if (outcome instanceof Adoption.Already a) {
            return Optional.of(a.production());
        }
        return ((Adoption.Refused) outcome).production();
    }
}
