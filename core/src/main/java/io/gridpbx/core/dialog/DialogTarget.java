package io.gridpbx.core.dialog;

import java.util.List;

/**
 * Where the in-dialog requests towards one party of a dialog go (RFC 3261 section 12.2.1.1): its
 * remote target (the Contact it gave at set-up or at its last target refresh) and the part of the
 * route set that lies beyond this cluster, in the order a request visits it.
 *
 * @param contact the party's Contact URI, as the party wrote it
 * @param route   the Record-Route entries between the cluster and the party, next hop first; usually empty
 */
public record DialogTarget(String contact, List<String> route) {

    public DialogTarget {
        if (contact.isBlank()) {
            throw new IllegalArgumentException("a dialog target needs a contact");
        }
        route = List.copyOf(route);
    }

    public DialogTarget withContact(String refreshed) {
        return refreshed.isBlank() || refreshed.equals(contact) ? this : new DialogTarget(refreshed, route);
    }
}
