package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.control.payload.PayloadFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What every job of one production in sphenixprod's convention is called with, but its id: the
 * payload of the commit in force, the helper directory, the input dsttypes, the event cap and the
 * DAQ hosts a combiner shares with the others.
 */
record SphenixprodPayload(PayloadFiles payload, Path helpers, List<String> indsttypes, int nevents,
                          List<String> sharedHosts) {

    /**
     * For {@code production} as the catalogue describes its product: a combiner's input dsttypes
     * are the DAQ hosts it combines (its leaves, else its required hosts), a downstream product's
     * the products it reads; the rule's {@code nevents}, capped by the engine's cap when one is set.
     */
    static SphenixprodPayload of(Production production, ProductCatalogue catalogue, PayloadFiles payload, Path helpers,
                                 OptionalInt neventsCap) {
        Product product = catalogue.product(production.dsttype()).orElseThrow(() -> new IllegalArgumentException(
                "production " + production.name() + " makes " + production.dsttype()
                        + ", which the product catalogue does not know"));
        List<String> indsttypes;
        if (product.isRaw()) {
            indsttypes = product.leaves().isEmpty() ? product.requiredHosts() : product.leaves();
        } else {
            indsttypes = product.inputs().stream().map(Product.Input::dsttype).distinct().toList();
        }
        int nevents = production.rule().job().nevents();
        if (neventsCap.isPresent()) {
            nevents = nevents == 0 ? neventsCap.getAsInt() : Math.min(nevents, neventsCap.getAsInt());
        }
        return new SphenixprodPayload(payload, helpers, indsttypes, nevents,
                product.isRaw() ? product.requiredHosts() : List.of());
    }

    SphenixprodCall call(long dbid) {
        return new SphenixprodCall(dbid, indsttypes, nevents, payload.files(), helpers, sharedHosts);
    }
}
