/**
 * Phone provisioning by MAC: which vendor file a desk phone asks for and whose MAC it names, who may
 * fetch it (the phone's own secret, or the user's SIP credentials), the rate limit on fetches of
 * unknown MACs, and the variables a configuration template is rendered with. The HTTP endpoint and
 * the template engine live in {@code grid-node}; {@link PhoneProvisioning} is this feature's service.
 */
@NullMarked
package io.gridpbx.core.provisioning;

import org.jspecify.annotations.NullMarked;
