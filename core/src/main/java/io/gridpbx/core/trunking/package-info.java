/**
 * PSTN trunking as configured: the platform's SIP trunks (gateways), outbound routes that send a
 * dialled pattern to an ordered list of gateways or share it among them by weight, and the DID
 * inventory handed down from the platform to resellers, clients and a destination. It also holds
 * the rules of the node's side towards carriers: route selection, OPTIONS probing
 * ({@link io.gridpbx.core.trunking.GatewayProbing}) and registration of trunk accounts
 * ({@link io.gridpbx.core.trunking.GatewayRegistering}), with the records, their rules and the
 * scoped management services.
 */
@NullMarked
package io.gridpbx.core.trunking;

import org.jspecify.annotations.NullMarked;
