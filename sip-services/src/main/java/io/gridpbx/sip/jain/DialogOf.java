package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ContactHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * The dialog an INVITE and a response with a To tag set up, as the proxy in the middle sees it (RFC
 * 3261 section 12.1): the caller's target is the INVITE's Contact, the callee's the response's, and
 * the response's Record-Route, split at the entry this cluster sealed, gives the part of each
 * party's route set that lies beyond the cluster.
 */
final class DialogOf {

    private DialogOf() {
    }

    /** The dialog, or null when a party gave no Contact (then no in-dialog request can be proven). */
    static @Nullable Dialog between(Request invite, Response response, AddressOfRecord caller, AddressOfRecord callee,
            long startedAtMillis, String nodeId) {
        String callerContact = contactOf(invite);
        String calleeContact = contactOf(response);
        if (callerContact.isEmpty() || calleeContact.isEmpty()) {
            return null;
        }
        List<String> recordRoute = new ArrayList<>(1);
        ListIterator<?> headers = response.getHeaders(RecordRouteHeader.NAME);
        // The cluster's entries: the first sealed one and those right below it, a second one of a node
        // where the call changed transport (RFC 5658 double Record-Route), and the entries of the
        // member that relayed the call down the callee's connection, held by another node.
        int ours = -1;
        int oursEnd = -1;
        while (headers != null && headers.hasNext()) {
            var uri = ((RecordRouteHeader) headers.next()).getAddress().getURI();
            boolean sealed = JainSipSelf.isSealed(uri);
            if (ours < 0 && sealed) {
                ours = recordRoute.size();
                oursEnd = ours;
            } else if (sealed && oursEnd == recordRoute.size() - 1) {
                oursEnd = recordRoute.size();
            }
            recordRoute.add(uri.toString());
        }
        List<String> towardsCallee = new ArrayList<>(ours < 0 ? List.of() : recordRoute.subList(0, ours));
        Collections.reverse(towardsCallee);
        List<String> towardsCaller = ours < 0 ? List.of() : recordRoute.subList(oursEnd + 1, recordRoute.size());
        DialogId id = new DialogId(JainSipMessages.callId(response), JainSipMessages.fromTag(response),
                JainSipMessages.toTag(response));
        return new Dialog(id, caller, callee, startedAtMillis, nodeId,
                new DialogTarget(callerContact, towardsCaller), new DialogTarget(calleeContact, towardsCallee));
    }

    /** The URI of a message's Contact, empty when it has none. */
    static String contactOf(Message message) {
        ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
        return contact == null || contact.getAddress() == null ? "" : contact.getAddress().getURI().toString();
    }
}
