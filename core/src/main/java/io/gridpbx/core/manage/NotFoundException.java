package io.gridpbx.core.manage;

/** The object does not exist, or lies outside the actor's subtree: the two are told apart by nobody. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super("no " + kind + " " + id);
    }
}
