package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.body.DialogState;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * What the proxy's calls tell busy-lamp watchers (RFC 4235): each party's call goes early at its
 * first ringing, confirmed at its 2xx, terminated when it fails, is cancelled or hung up. The
 * presence server records a state only for a user someone watches, which it knows from this
 * member's mirror: an unwatched call costs a map lookup per state.
 */
final class BusyLamps {

    private final Supplier<@Nullable PresenceServer> presence;
    private final Clock clock;
    /** Calls shown early and not yet answered or failed, by Call-ID: each is terminated or confirmed once. */
    private final Map<String, Dialog> ringing = new ConcurrentHashMap<>();

    BusyLamps(Supplier<@Nullable PresenceServer> presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    /** The first provisional response with a To tag: the call rings. */
    void early(Dialog dialog) {
        if (presence.get() != null && ringing.putIfAbsent(dialog.id().callId(), dialog) == null) {
            show(dialog, DialogState.State.EARLY);
        }
    }

    /** A 2xx: the call is up. */
    void confirmed(Dialog dialog) {
        ringing.remove(dialog.id().callId());
        show(dialog, DialogState.State.CONFIRMED);
    }

    /** The INVITE's final answer went out; a call still ringing then was not answered. */
    void setUpOver(Dialog early) {
        Dialog rang = ringing.remove(early.id().callId());
        if (rang != null) {
            show(rang, DialogState.State.TERMINATED);
        }
    }

    /** The call ended (a BYE passed, or this node hung it up); {@code known} when this node holds the dialog. */
    void ended(@Nullable Dialog known, DialogId id, @Nullable Request bye) {
        PresenceServer server = presence.get();
        if (server == null) {
            return;
        }
        if (known != null) {
            show(known, DialogState.State.TERMINATED);
            return;
        }
        if (bye == null) {
            return;
        }
        // Only the BYE is known here: its From is one party, its To the other; the side each had is
        // kept from the state the lamps showed before (CallState.keeping).
        AddressOfRecord from = JainSipMessages.aorOf(((FromHeader) bye.getHeader(FromHeader.NAME)).getAddress().getURI());
        AddressOfRecord to = JainSipMessages.aorOf(((ToHeader) bye.getHeader(ToHeader.NAME)).getAddress().getURI());
        long now = clock.millis();
        if (from != null) {
            server.callChanged(from, new CallState(id.callId(), JainSipMessages.fromTag(bye), JainSipMessages.toTag(bye),
                    DialogState.Direction.INITIATOR, DialogState.State.TERMINATED, "sip:" + from,
                    to == null ? null : "sip:" + to, null, now));
        }
        if (to != null) {
            server.callChanged(to, new CallState(id.callId(), JainSipMessages.toTag(bye), JainSipMessages.fromTag(bye),
                    DialogState.Direction.RECIPIENT, DialogState.State.TERMINATED, "sip:" + to,
                    from == null ? null : "sip:" + from, null, now));
        }
    }

    private void show(Dialog dialog, DialogState.State state) {
        PresenceServer server = presence.get();
        if (server == null) {
            return;
        }
        long now = clock.millis();
        String caller = "sip:" + dialog.caller();
        String callee = "sip:" + dialog.callee();
        String callId = dialog.id().callId();
        server.callChanged(dialog.caller(), new CallState(callId, dialog.id().fromTag(), dialog.id().toTag(),
                DialogState.Direction.INITIATOR, state, caller, callee,
                dialog.calleeTarget() == null ? null : dialog.calleeTarget().contact(), now));
        server.callChanged(dialog.callee(), new CallState(callId, dialog.id().toTag(), dialog.id().fromTag(),
                DialogState.Direction.RECIPIENT, state, callee, caller,
                dialog.callerTarget() == null ? null : dialog.callerTarget().contact(), now));
    }
}
