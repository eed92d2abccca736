package io.gridpbx.sip.jain;

import java.util.List;
import javax.sip.address.URI;
import org.jspecify.annotations.Nullable;

/**
 * A callee's contacts as branches need them, each parsed once per call: the Request-URI of each, and
 * the phone's own connection to reach it by when one is held (this node's, or another member's).
 */
record ContactTargets(List<URI> uris, List<JainSipFlows.@Nullable Reach> reaches) {
}
