package io.gridpbx.core.presence;

import io.gridpbx.core.presence.body.DialogState;
import org.jspecify.annotations.Nullable;

/**
 * One call of a user as its busy lamp shows it (RFC 4235 section 3.7.1): early while it rings,
 * confirmed once answered, terminated when it ends, with what a phone needs to pick it up (the
 * Call-ID, both tags, the other party).
 *
 * @param callId         the call's Call-ID
 * @param localTag       this user's tag in the call (the callee's To tag, the caller's From tag), or null while unknown
 * @param remoteTag      the other party's tag, or null while unknown
 * @param direction      whether this user placed the call (initiator) or receives it (recipient)
 * @param state          early, confirmed or terminated
 * @param localIdentity  this user, {@code sip:user@domain}
 * @param remoteIdentity the other party's URI (the caller's From, the dialled To), or null
 * @param remoteTarget   the other party's Contact, or null
 * @param sinceMillis    when the call reached this state
 */
public record CallState(String callId, @Nullable String localTag, @Nullable String remoteTag,
        DialogState.Direction direction, DialogState.State state, String localIdentity, @Nullable String remoteIdentity,
        @Nullable String remoteTarget, long sinceMillis) {

    /** The dialog element's id: unique per call and user. */
    public String dialogId() {
        return Integer.toHexString((callId + '|' + localIdentity).hashCode() & 0x7fffffff);
    }

    public DialogState toDialogState() {
        return new DialogState(dialogId(), callId, localTag, remoteTag, direction, state, localIdentity, null,
                remoteIdentity, remoteTarget);
    }

    /** Whether this state is of the same call as {@code other} (a user's list holds one state per call). */
    boolean sameCall(CallState other) {
        return callId.equals(other.callId);
    }

    /**
     * The state after an update that may not know what the earlier one knew: a tag, the other party's
     * target, or the side (a BYE seen on another node tells who hung up, not who called).
     */
    CallState keeping(CallState earlier) {
        return new CallState(callId, localTag != null ? localTag : earlier.localTag,
                remoteTag != null ? remoteTag : earlier.remoteTag, earlier.direction, state, localIdentity,
                remoteIdentity != null ? remoteIdentity : earlier.remoteIdentity,
                remoteTarget != null ? remoteTarget : earlier.remoteTarget, sinceMillis);
    }
}
