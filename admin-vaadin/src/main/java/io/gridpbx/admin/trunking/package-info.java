/**
 * PSTN trunking as each level manages it: the platform's gateways ({@code gateways}), the outbound
 * routes of the platform and of each reseller with their ordered gateways ({@code routes}), and the
 * DID inventory handed down from the platform to resellers, clients and an extension ({@code dids}).
 * All through {@link io.gridpbx.core.trunking.GatewayAdmin}, {@link io.gridpbx.core.trunking.RouteAdmin}
 * and {@link io.gridpbx.core.trunking.DidAdmin}.
 */
@NullMarked
package io.gridpbx.admin.trunking;

import org.jspecify.annotations.NullMarked;
