package io.gridpbx.core.media;

/** One relayed stream of a call (its {@code m=} line {@code index}): the leg facing each party. */
public record RelayedStream(int index, RelayedLeg caller, RelayedLeg callee) {
}
