package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a production makes, as its outputs are named: the product (dsttype), the dataset, and the
 * tag's three parts (build, CDB tag, version). A production keeps its identity for life: its ledger
 * rows, its outputs and its removal all stand on it, so changing one of these values is declaring
 * another production.
 *
 * @param build the build as the tag writes it ({@code ana523}: the rule's {@code ana.523} without the dot)
 */
public record ProductionIdentity(String dsttype, String dataset, String build, String dbtag, int version) {

    /** The five values, in the order a reviewer reads them, with the rule key each comes from. */
    public enum Field {
        DSTTYPE("dsttype", ProductionIdentity::dsttype),
        DATASET("dataset", ProductionIdentity::dataset),
        BUILD("build", ProductionIdentity::build),
        DBTAG("dbtag", ProductionIdentity::dbtag),
        VERSION("version", i -> String.valueOf(i.version()));

        private final String key;
        private final Function<ProductionIdentity, String> value;

        Field(String key, Function<ProductionIdentity, String> value) {
            this.key = key;
            this.value = value;
        }

        /** The key under the rule's {@code params} that holds this value. */
        public String key() {
            return key;
        }

        public String valueOf(ProductionIdentity identity) {
            return value.apply(identity);
        }
    }

    /** One value that differs between two identities. */
    public record Difference(Field field, String before, String after) {

        public Difference {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** {@code dbtag 2025p007 -> 2025p008}. */
        public String describe() {
            return field.key() + " " + before + " -> " + after;
        }
    }

    public ProductionIdentity {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(dbtag, "dbtag");
    }

    public static ProductionIdentity of(OutputNamespace namespace) {
        Tag tag = namespace.tag();
        return new ProductionIdentity(namespace.dsttype(), namespace.dataset(), tag.build(), tag.dbtag(), tag.version());
    }

    public static ProductionIdentity of(Production production) {
        return of(production.namespace());
    }

    /** The output namespace these values name: what the ledger's rows and the catalog's files carry. */
    public OutputNamespace namespace() {
        return new OutputNamespace(dsttype, dataset, Tag.of(build, dbtag, version));
    }

    /** The values that differ in {@code other} (this being the earlier), in {@link Field} order; empty when both are the same. */
    public List<Difference> changesTo(ProductionIdentity other) {
        List<Difference> differences = new ArrayList<>();
        for (Field field : Field.values()) {
            String mine = field.valueOf(this);
            String theirs = field.valueOf(other);
            if (!mine.equals(theirs)) {
                differences.add(new Difference(field, mine, theirs));
            }
        }
        return differences;
    }

    /** {@code DST_CALO run3auau ana530_2025p008_v001}: the product, the dataset and the tag, as output names carry them. */
    public String describe() {
        return dsttype + " " + dataset + " " + namespace().tag();
    }
}
