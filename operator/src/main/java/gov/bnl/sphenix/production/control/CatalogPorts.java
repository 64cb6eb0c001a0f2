package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.deletion.OutputDeletion;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.catalog.ledger.LedgerUpkeep;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.ledger.SubmissionSteps;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJobs;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.control.observe.ProductionOutputs;

/**
 * The catalogs as the engine is handed them, each behind the small port of what it offers: built
 * once (by {@link EngineAssembly#ports}) and shared by the engine, its executor and its harvester,
 * so every part of a pass reads and writes through the same objects.
 *
 * @param readiness     the jobs whose inputs are ready (DAQ, RawdataCatalog, FileCatalog)
 * @param ledger        the ledger's rows, holds and live jobs' inputs
 * @param submissions   the ledger's steps of the submission protocol
 * @param moves         the ledger moves of submitted jobs (adopt, reset, kill, fail, release, finish)
 * @param upkeep        what the queue says of untouched jobs; rows of a removed production dropped
 * @param registry      registration of harvested outputs in the FileCatalog
 * @param deletion      deletion of outputs (files and FileCatalog rows)
 * @param rawLocations  where raw inputs are (RawdataCatalog)
 * @param fileLocations where derived inputs are (FileCatalog)
 * @param outputs       the outputs each production has in the FileCatalog
 * @param productions   the ledger's production registry
 * @param statuses      each production's status after the last pass
 * @param audit         the audit log of events
 */
public record CatalogPorts(ReadyJobs readiness, LedgerView ledger, SubmissionSteps submissions, JobMoves moves,
                           LedgerUpkeep upkeep, OutputRegistry registry, OutputDeletion deletion,
                           FileLocations rawLocations, FileLocations fileLocations, ProductionOutputs outputs,
                           ProductionRegistry productions, StatusStore statuses, AuditLog audit) {
}
