package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.tools.seed.DaqStream;
import gov.bnl.sphenix.production.tools.seed.DaqStreams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DAQ streams a product catalogue expects: every leaf of its raw products ({@code ebdc07_1} is
 * server 1 of host {@code ebdc07}) and every required host ({@code gl1daq}). A catalog seeded with
 * them has files for exactly what the specs' raw products read, whatever detectors they name. The
 * catalogue does not say which streams take data in which kind of run, so every stream takes data
 * in every run.
 */
public final class CatalogueStreams {

    private CatalogueStreams() {
    }

    public static DaqStreams of(ProductCatalogue catalogue) {
        Set<String> names = new LinkedHashSet<>();
        for (Product product : catalogue.products().values()) {
            if (product.isRaw()) {
                names.addAll(product.leaves());
                names.addAll(product.requiredHosts());
            }
        }
        List<DaqStream> streams = new ArrayList<>();
        for (String name : names) {
            String host = ProductCatalogue.hostOf(name);
            int server = name.equals(host) ? 0 : serverOf(name.substring(host.length() + 1));
            streams.add(new DaqStream(name, host, server, detectorOf(host, catalogue.detectors()), 1.0));
        }
        List<DaqStream> all = List.copyOf(streams);
        return runtype -> all;
    }

    /** {@code ebdc07_1}: server 1; a suffix that is no number is server 0. */
    private static int serverOf(String suffix) {
        return suffix.matches("[0-9]{1,4}") ? Integer.parseInt(suffix) : 0;
    }

    /**
     * The file-name prefix of a host's files: the catalogue's detector whose host prefix is the
     * longest that the host starts with ({@code ebdc39} is TPOT, {@code ebdc07} TPC), else the
     * host's letters in upper case ({@code seb05}: SEB).
     */
    static String detectorOf(String host, Map<String, String> detectors) {
        String best = null;
        int length = -1;
        for (Map.Entry<String, String> d : detectors.entrySet()) {
            if (host.startsWith(d.getValue()) && d.getValue().length() > length) {
                best = d.getKey();
                length = d.getValue().length();
            }
        }
        return best != null ? best : host.replaceAll("[^A-Za-z].*$", "").toUpperCase(Locale.ROOT);
    }
}
