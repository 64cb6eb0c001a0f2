package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.util.Optional;

/**
 * Where one production's jobs staged their files and where the harvest moves them: the site's
 * layouts as the production's rule places its files.
 */
record ProductionTrees(Layout staging, Layout finalTree) {

    /**
     * The trees of {@code production}, or nothing — said once, as a deferred harvest — when its
     * rule now names a directory outside the site's trees (a tree the site has since withdrawn):
     * nothing is moved or registered there until the site or the rule says where.
     */
    static Optional<ProductionTrees> of(EngineSettings settings, Production production, EventLog events) {
        try {
            return Optional.of(new ProductionTrees(settings.stagingLayout(production), settings.layout(production)));
        } catch (IllegalArgumentException e) {
            events.warning(production.name(), EventKind.HARVEST_DEFERRED, "not harvested: " + e.getMessage());
            return Optional.empty();
        }
    }
}
