package io.gridpbx.core.media;

/** The party of a call a relay leg faces: the one who sent the initial INVITE, or the one it reached. */
public enum CallSide {
    CALLER,
    CALLEE;

    public CallSide other() {
        return this == CALLER ? CALLEE : CALLER;
    }
}
