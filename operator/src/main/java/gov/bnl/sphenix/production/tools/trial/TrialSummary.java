package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.names.DirectoryTemplate;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A try's outcome, production by production (upstream first), and its one-line total. */
public record TrialSummary(List<ProductionOutcome> productions) {

    public TrialSummary {
        productions = List.copyOf(productions);
    }

    /** Jobs from the standings, outputs from the FileCatalog, logs from the layout. */
    public static TrialSummary of(TrialWorld trial, List<ProductionStanding> standings) throws SQLException {
        Map<String, ProductionStanding> byName = standings.stream()
                .collect(Collectors.toMap(ProductionStanding::production, Function.identity()));
        List<ProductionOutcome> outcomes = new ArrayList<>();
        for (Production p : trial.productions()) {
            ProductionStanding s = byName.get(p.name());
            long succeeded = s == null ? 0 : s.count(Tally.SUCCEEDED);
            long failed = s == null ? 0 : s.count(Tally.FAILED) + s.count(Tally.KILLED) + s.count(Tally.LOST);
            RegisteredOutputs.Counts outputs = RegisteredOutputs.of(trial.world().catalogs().fileCatalog(), p.namespace());
            Path logs = trial.world().settings().layout(p).rule().flatMap(Layout.RuleDirectories::log)
                    .map(DirectoryTemplate::prefix)
                    .orElseGet(() -> trial.world().settings().layout().logRoot().resolve(p.namespace().dataset())
                            .resolve(p.rule().params().physicsmode()).resolve(p.namespace().tag().toString()));
            outcomes.add(new ProductionOutcome(p.name(), p.dsttype(), trial.runs().get(p.name()).runs(), succeeded, failed,
                    outputs.dst(), outputs.hist(), logs));
        }
        return new TrialSummary(outcomes);
    }

    public long succeeded() {
        return productions.stream().mapToLong(ProductionOutcome::succeeded).sum();
    }

    public long failed() {
        return productions.stream().mapToLong(ProductionOutcome::failed).sum();
    }

    /** Runs tried by any production. */
    public long runs() {
        return productions.stream().map(ProductionOutcome::runs).reduce(RunSet.EMPTY, RunSet::union).size();
    }

    /** The try's last line, in a form scripts may read. */
    public String lastLine() {
        return String.format("try: %d jobs succeeded, %d failed, %d DST and %d HIST outputs registered from %d runs",
                succeeded(), failed(), productions.stream().mapToLong(ProductionOutcome::dst).sum(),
                productions.stream().mapToLong(ProductionOutcome::hist).sum(), runs());
    }
}
