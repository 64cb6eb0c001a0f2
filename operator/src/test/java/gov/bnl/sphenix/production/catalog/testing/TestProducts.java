package gov.bnl.sphenix.production.catalog.testing;

import gov.bnl.sphenix.production.spec.Limits;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleInput;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A small product catalogue and productions built in code for tests: two TPC hosts with two
 * servers each and one INTT host feed the streaming combiner; the trigger is required; a cluster
 * product needs every stream, a QA product any one.
 */
public final class TestProducts {

    public static final String STREAMING = "DST_STREAMING_EVENT";
    public static final String CLUSTER = "DST_TRKR_CLUSTER";
    public static final String STREAM_QA = "DST_STREAM_QA";
    public static final List<String> STREAMING_LEAVES = List.of("ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0");
    public static final Tag RAW_TAG = Tag.parse("new_nocdbtag_v000");
    public static final Tag CLUSTER_TAG = Tag.parse("ana468_2024p012_v001");
    public static final String DATASET = "run3auau";

    private TestProducts() {
    }

    public static ProductCatalogue catalogue() {
        Map<String, Product> products = new LinkedHashMap<>();
        products.put(STREAMING, new Product(STREAMING, Product.Source.RAW, STREAMING_LEAVES, List.of("gl1daq"),
                List.of(), Set.of("cosmics")));
        products.put(CLUSTER, new Product(CLUSTER, Product.Source.DERIVED, List.of(), List.of(),
                List.of(new Product.Input(STREAMING, true)), Set.of("cosmics")));
        products.put(STREAM_QA, new Product(STREAM_QA, Product.Source.DERIVED, List.of(), List.of(),
                List.of(new Product.Input(STREAMING, false)), Set.of()));
        Map<String, String> detectors = new LinkedHashMap<>();
        detectors.put("TPC", "ebdc");
        detectors.put("INTT", "intt");
        return new ProductCatalogue(products, detectors);
    }

    /** A production of {@code dsttype} over {@code runs}; derived products read {@link #RAW_TAG} outputs. */
    public static Production production(String dsttype, String physicsmode, RunSet runs, Segments segments,
                                        List<String> masks, RunOrder order, OptionalInt cutSegment) {
        boolean derived = !STREAMING.equals(dsttype);
        Tag tag = derived ? CLUSTER_TAG : RAW_TAG;
        RuleInput input = new RuleInput(derived ? Optional.of(RAW_TAG) : Optional.empty(),
                RuleInput.DEFAULT_MIN_RUN_TIME, RuleInput.DEFAULT_MIN_RUN_EVENTS, true, cutSegment);
        RuleJob job = new RuleJob("run.sh", List.of(), 0, MemoryLadder.of(2048, 4096), 1, 1, 0,
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
        Rule rule = new Rule(dsttype.toLowerCase(java.util.Locale.ROOT),
                new RuleParams(dsttype, "run3", physicsmode, DATASET, tag), input, job,
                SourceLocation.ofFile("rules.yaml"));
        return new Production("p-" + dsttype.toLowerCase(java.util.Locale.ROOT) + "-" + physicsmode,
                "productions/test.yaml", Optional.empty(), rule, runs, order, masks, segments, 0,
                MemoryLadder.of(2048, 4096), Limits.DEFAULT, true, true, RemovalPolicy.DEFAULT, List.of());
    }

    public static Production production(String dsttype, String physicsmode, RunSet runs, Segments segments,
                                        List<String> masks) {
        return production(dsttype, physicsmode, runs, segments, masks, RunOrder.NEWEST_FIRST, OptionalInt.empty());
    }
}
