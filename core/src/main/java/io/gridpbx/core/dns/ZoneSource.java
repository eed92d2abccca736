package io.gridpbx.core.dns;

import java.util.List;
import java.util.Optional;

/** The records the cluster's DNS serves right now (the live nodes), per zone. */
public interface ZoneSource {

    /** Every record of the zone, SOA first; empty when the domain is no zone of the platform. */
    Optional<List<ZoneRecord>> records(String zone);
}
