/**
 * PSTN trunking as configured: the platform's SIP trunks (gateways), outbound routes that send a
 * dialled pattern to an ordered list of gateways or share it among them by weight, and the DID
 * inventory handed down from the platform to resellers, clients and a destination. The call path
 * that uses them comes with the trunking issue; this package holds the records, their rules and the
 * scoped management services.
 */
@NullMarked
package io.gridpbx.core.trunking;

import org.jspecify.annotations.NullMarked;
