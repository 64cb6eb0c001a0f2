package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.k8s.ProductionSource;

/**
 * Opens the engine a {@link ProductionSource} asks for: its repository, its catalogs (from the
 * Secrets it names) and its batch system. A port, so the operator's deployment and its tests
 * differ only here.
 */
@FunctionalInterface
public interface EngineFactory {

    EngineAssembly open(ProductionSource source) throws Exception;
}
