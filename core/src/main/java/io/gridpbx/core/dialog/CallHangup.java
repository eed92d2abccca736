package io.gridpbx.core.dialog;

import java.util.concurrent.CompletionStage;

/** Ends an answered call from the management plane, whichever node carries it. */
public interface CallHangup {

    String DISPOSITION = "HANGUP";

    /**
     * Ends the call: its node sends a BYE to each party and closes its record ({@value #DISPOSITION}).
     * When no live node carries it (its node died), its record is closed and its slots given back all
     * the same, though its phones are told nothing. Completes false for a call that is not up.
     */
    CompletionStage<Boolean> hangUp(Dialog dialog);
}
