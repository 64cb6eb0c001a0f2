package gov.bnl.sphenix.production.control.harvest;

import java.nio.file.Path;

/**
 * Where one job's files of one kind (its DSTs, or its histogram files) are staged and the final
 * directory they are renamed into. One per job and kind, shared by its files, so that what a
 * harvest remembers per directory is looked up without taking each file's path apart.
 */
record Route(Path stagingDirectory, Path finalDirectory) {
}
