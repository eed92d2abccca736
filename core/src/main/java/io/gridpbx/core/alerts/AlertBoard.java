package io.gridpbx.core.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the cluster's alerts are kept. Raising and clearing are atomic per alert id, so that two
 * evaluators (an old oldest member and a new one) never both raise or both clear the same alert: the
 * one whose call made the transition gets the alert back and delivers it.
 */
public interface AlertBoard {

    /** Raises the condition's alert unless it is active already; the alert when this call raised it. */
    Optional<Alert> raise(Condition condition, Instant at, String node);

    /** Clears the active alert of this id; the cleared alert when this call cleared it, empty when none was active. */
    Optional<Alert> clear(String id, Instant at, String node);

    /** The active alerts. */
    List<Alert> active();

    /** Cleared alerts, the latest cleared first; bounded. */
    List<Alert> history();
}
