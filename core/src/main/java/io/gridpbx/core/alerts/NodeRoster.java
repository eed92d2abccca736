package io.gridpbx.core.alerts;

/** The cluster's memory of its members' addresses, against which "node left" is judged. */
public interface NodeRoster {

    /** Forgets a member address (a node taken away for good); false when it was not known. */
    boolean forget(String address);
}
