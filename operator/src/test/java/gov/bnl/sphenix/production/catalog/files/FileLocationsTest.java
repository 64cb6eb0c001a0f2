package gov.bnl.sphenix.production.catalog.files;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths are looked up for a set of names in one query; every copy comes back. */
class FileLocationsTest {

    @Test
    void everyCopyOfEachKnownNameIsFoundAndUnknownNamesAreAbsent() throws Exception {
        try (Catalogs catalogs = TestPostgres.freshCatalogs()) {
            OutputFile file = OutputFile.of("DST_CALO", "run3auau", Tag.parse("ana468_2024p012_v001"), 67962, 3);
            new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), Clock.systemUTC(), 10).register(List.of(
                    new CatalogedOutput(file, "lustre", "/lustre/" + file.fileName(), 1, "aa", 1, 1, 1),
                    new CatalogedOutput(file, "hpss", "/hpss/" + file.fileName(), 1, "aa", 1, 1, 1)));

            var found = new FileLocations(catalogs.fileCatalog(), catalogs.retry())
                    .locate(List.of(file.fileName(), "DST_CALO_run3auau_ana468_2024p012_v001-00067962-00099.root"));

            assertThat(found).containsOnlyKeys(file.fileName());
            assertThat(found.get(file.fileName())).containsExactly(
                    new FileLocation(file.fileName(), "hpss", "/hpss/" + file.fileName()),
                    new FileLocation(file.fileName(), "lustre", "/lustre/" + file.fileName()));
        }
    }
}
