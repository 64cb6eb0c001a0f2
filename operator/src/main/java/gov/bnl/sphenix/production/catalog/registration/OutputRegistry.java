package gov.bnl.sphenix.production.catalog.registration;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What registration offers the harvest: the checksums the FileCatalog already holds for some
 * outputs, and registering outputs, idempotently (an output catalogued with the same checksum is
 * left alone; one with another checksum is a conflict and is not registered).
 */
public interface OutputRegistry {

    /** The md5 sums catalogued for each of {@code lfns} that the catalog holds. */
    Map<String, Set<String>> checksums(Collection<String> lfns) throws SQLException;

    RegistrationResult register(List<CatalogedOutput> outputs) throws SQLException;
}
