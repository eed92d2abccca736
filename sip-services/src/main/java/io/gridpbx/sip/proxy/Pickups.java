package io.gridpbx.sip.proxy;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.PickupOutcome;
import io.gridpbx.core.presence.Replaces;
import java.util.concurrent.CompletionStage;

/** Where a directed pickup (an INVITE with Replaces naming a ringing call) goes; the presence server knows the ringing calls. */
@FunctionalInterface
public interface Pickups {

    CompletionStage<PickupOutcome> locate(AddressOfRecord picker, AddressOfRecord dialled, Replaces replaces);
}
