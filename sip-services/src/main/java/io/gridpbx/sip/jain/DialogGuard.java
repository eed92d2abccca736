package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an in-dialog request (one with a To tag) may be forwarded: only when it belongs to a
 * dialog this cluster set up, and only towards that dialog's other party. First the cheap proof, the
 * seal of the Record-Route a member inserted (no grid read), then the dialog itself: its Call-ID and
 * both tags must name a dialog that is still up, and the Request-URI and the rest of the route set must
 * be the other party's target as learned at set-up or at the last target refresh. Without this, a
 * forged To tag and a Route naming the node would make it an open relay (toll fraud). The verdict is
 * a stage: complete at once when the seal or this node's own copy decides, otherwise when the grid
 * answered (a dialog set up through another node, or older than this node's memory of it).
 */
final class DialogGuard {

    /** What to do with an in-dialog request. */
    sealed interface Verdict {
        /**
         * Goes on; down {@code flow}, the phone connection this node holds, when the route named one,
         * with {@code cseqShift} added to its CSeq ({@link Dialog#cseqShift}: a caller's request to a
         * carrier whose challenge was answered).
         */
        record Forward(JainSipFlows.@Nullable Flow flow, long cseqShift) implements Verdict {
        }

        record Refuse(int status, String reason) implements Verdict {
        }
    }

    /** The dialog lets the request pass (the route decides where it goes). */
    private static final Verdict FORWARD = new Verdict.Forward(null, 0);
    private static final Verdict NOT_OURS = new Verdict.Refuse(403, "Not A Dialog Of This Cluster");
    private static final Verdict GONE = new Verdict.Refuse(481, "Call/Transaction Does Not Exist");
    private static final Verdict NOT_A_PARTY = new Verdict.Refuse(403, "Not A Party Of This Dialog");
    private static final Verdict WRONG_TARGET = new Verdict.Refuse(403, "Request-URI Is Not The Dialog's Peer");
    private static final Verdict WRONG_ROUTE = new Verdict.Refuse(403, "Route Is Not The Dialog's");

    private final JainSipSelf self;
    private final DialogTracker dialogs;
    private final AddressFactory addresses;

    DialogGuard(JainSipSelf self, DialogTracker dialogs, AddressFactory addresses) {
        this.self = self;
        this.dialogs = dialogs;
        this.addresses = addresses;
    }

    /** Checks the request and, when it passes, leaves it with the cluster's Route removed. */
    CompletionStage<Verdict> check(Request request, String toTag) {
        String callId = JainSipMessages.callId(request);
        String fromTag = JainSipMessages.fromTag(request);
        JainSipSelf.ProvenRoute route = fromTag.isEmpty() ? null : self.popDialogRoute(request, callId, fromTag, toTag);
        if (route == null) {
            return CompletableFuture.completedFuture(NOT_OURS);
        }
        DialogId id = new DialogId(callId, fromTag, toTag);
        Verdict local = GONE;
        for (Dialog dialog : dialogs.local(id)) {
            local = against(dialog, request, fromTag, toTag);
            if (local == FORWARD) {
                return CompletableFuture.completedFuture(forward(route, dialog, fromTag));
            }
        }
        Verdict fallback = local;
        return dialogs.inGrid(id).thenApply(inGrid -> {
            if (inGrid.isEmpty()) {
                return fallback;
            }
            Verdict verdict = against(inGrid.get(), request, fromTag, toTag);
            return verdict == FORWARD ? forward(route, inGrid.get(), fromTag) : verdict;
        });
    }

    private static Verdict forward(JainSipSelf.ProvenRoute route, Dialog dialog, String senderTag) {
        long shift = dialog.cseqShiftOf(senderTag);
        return route.flow() == null && shift == 0 ? FORWARD : new Verdict.Forward(route.flow(), shift);
    }

    private Verdict against(Dialog dialog, Request request, String senderTag, String toTag) {
        DialogTarget peer = dialog.peerOf(senderTag).orElse(null);
        if (peer == null) {
            return NOT_A_PARTY;
        }
        if (!sameUri(peer.contact(), request.getRequestURI())) {
            return WRONG_TARGET;
        }
        return peer.route().equals(routeBeyondTheCluster(request, senderTag, toTag)) ? FORWARD : WRONG_ROUTE;
    }

    /** URI equality as RFC 3261 section 19.1.4 defines it (the stack's URI classes implement it). */
    private boolean sameUri(String contact, URI requestUri) {
        URI target = parse(contact);
        return target != null && target.equals(requestUri);
    }

    private @Nullable URI parse(String uri) {
        try {
            return addresses.createURI(uri);
        } catch (ParseException unparsable) {
            return null;
        }
    }

    /**
     * The request's Route without the entries members recorded for this call (a call handed to the
     * member holding the callee's connection has two members in its route): the part the dialog
     * keeps for each party ({@link DialogOf}).
     */
    private List<String> routeBeyondTheCluster(Request request, String fromTag, String toTag) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        if (routes == null || !routes.hasNext()) {
            return List.of();
        }
        String callId = JainSipMessages.callId(request);
        List<String> uris = new ArrayList<>(1);
        while (routes.hasNext()) {
            URI uri = ((RouteHeader) routes.next()).getAddress().getURI();
            if (!self.isClusterRoute(uri, callId, fromTag, toTag)) {
                uris.add(uri.toString());
            }
        }
        return uris;
    }
}
