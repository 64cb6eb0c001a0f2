package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The productions a try runs, in dependency order (a production's upstream products first): the
 * ones asked for (all when none is named) and every production of the specs whose outputs they
 * read, since a try's catalog starts with raw data only. A production reads another's outputs when
 * its product takes the other's product as input, in the same dataset, with the other's tag as its
 * {@code intriplet}.
 *
 * @param productions the chosen productions, upstream first
 * @param upstream    each chosen production's upstream productions (names)
 */
public record ProductionChoice(List<Production> productions, Map<String, List<String>> upstream) {

    public ProductionChoice {
        productions = List.copyOf(productions);
        upstream = Map.copyOf(upstream);
    }

    /** @throws IllegalArgumentException for a name that is not a production of {@code specs} */
    public static ProductionChoice of(SpecRepository specs, List<String> named) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        for (Production p : specs.productions()) {
            upstream.put(p.name(), upstreamOf(p, specs));
        }
        Deque<String> todo = new ArrayDeque<>();
        for (String name : named) {
            if (specs.production(name).isEmpty()) {
                throw new IllegalArgumentException("no production named " + name + " in the specs; they declare "
                        + String.join(", ", specs.productions().stream().map(Production::name).toList()));
            }
            todo.add(name);
        }
        if (named.isEmpty()) {
            specs.productions().forEach(p -> todo.add(p.name()));
        }
        Set<String> chosen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (chosen.add(name)) {
                todo.addAll(upstream.get(name));
            }
        }
        List<String> order = specs.catalogue().topologicalOrder();
        List<Production> productions = specs.productions().stream().filter(p -> chosen.contains(p.name()))
                .sorted(Comparator.<Production>comparingInt(p -> rank(order, p.dsttype())).thenComparing(Production::name))
                .toList();
        Map<String, List<String>> chosenUpstream = new LinkedHashMap<>();
        productions.forEach(p -> chosenUpstream.put(p.name(), upstream.get(p.name())));
        return new ProductionChoice(productions, chosenUpstream);
    }

    /** The chosen productions that read {@code name}'s outputs, directly or further down. */
    public List<Production> downstreamOf(String name) {
        Set<String> below = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String current = todo.poll();
            upstream.forEach((production, ups) -> {
                if (ups.contains(current) && below.add(production)) {
                    todo.add(production);
                }
            });
        }
        return productions.stream().filter(p -> below.contains(p.name())).toList();
    }

    public List<String> names() {
        return productions.stream().map(Production::name).toList();
    }

    private static List<String> upstreamOf(Production production, SpecRepository specs) {
        List<String> inputs = specs.catalogue().product(production.dsttype()).map(Product::inputs).orElse(List.of())
                .stream().map(Product.Input::dsttype).toList();
        return specs.productions().stream()
                .filter(q -> inputs.contains(q.dsttype())
                        && q.namespace().dataset().equals(production.namespace().dataset())
                        && production.rule().input().intriplet().map(t -> t.equals(q.namespace().tag())).orElse(false))
                .map(Production::name).toList();
    }

    private static int rank(List<String> order, String dsttype) {
        int i = order.indexOf(dsttype);
        return i < 0 ? order.size() : i;
    }
}
