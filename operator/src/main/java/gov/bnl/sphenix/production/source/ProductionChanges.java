package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the declared productions differ between two revisions: by name, a production is added,
 * removed (the file was deleted — a {@code git revert}), changed (its resolved spec differs) or
 * unchanged.
 */
public record ProductionChanges(List<Production> added, List<Changed> changed, List<Production> removed,
                                List<Production> unchanged) {

    public record Changed(Production before, Production after) {
    }

    public ProductionChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
    }

    public static ProductionChanges between(List<Production> before, List<Production> after) {
        Map<String, Production> old = new LinkedHashMap<>();
        before.forEach(p -> old.put(p.name(), p));
        List<Production> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<Production> unchanged = new ArrayList<>();
        for (Production p : after) {
            Production previous = old.remove(p.name());
            if (previous == null) {
                added.add(p);
            } else if (previous.equals(p)) {
                unchanged.add(p);
            } else {
                changed.add(new Changed(previous, p));
            }
        }
        return new ProductionChanges(added, changed, new ArrayList<>(old.values()), unchanged);
    }

    public static ProductionChanges between(SpecRepository before, SpecRepository after) {
        return between(before.productions(), after.productions());
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    @Override
    public String toString() {
        return added.size() + " added, " + changed.size() + " changed, " + removed.size() + " removed";
    }
}
