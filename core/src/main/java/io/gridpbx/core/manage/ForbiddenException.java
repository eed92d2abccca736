package io.gridpbx.core.manage;

/** The operation belongs to another level of the hierarchy (a client managing resellers, say). */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
