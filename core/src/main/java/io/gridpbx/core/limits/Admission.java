package io.gridpbx.core.limits;

/** Whether a call got a slot of every one of its limits. */
public sealed interface Admission {

    Admission ADMITTED = new Admitted();

    record Admitted() implements Admission {
    }

    /** The first limit that was full; the slots of the others were given back. */
    record Refused(CallLimit limit) implements Admission {
    }
}
