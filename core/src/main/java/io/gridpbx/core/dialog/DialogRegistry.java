package io.gridpbx.core.dialog;

import java.util.List;
import java.util.Optional;

/** The cluster-wide list of established calls. Writes must not block the SIP path. */
public interface DialogRegistry {

    void started(Dialog dialog);

    void ended(DialogId id);

    Optional<Dialog> find(DialogId id);

    int activeCount();

    /** The established calls whose caller or callee is in {@code domain} or below, cluster-wide. */
    List<Dialog> activeWithin(String domain);
}
