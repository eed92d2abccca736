/**
 * Phone provisioning over HTTP(S): the {@code /prov/} endpoint desk phones fetch their configuration
 * from by MAC, the vendors' default templates and the reseller's own rendered with Mustache, and the
 * cluster key that seals SIP passwords. The rules live in {@code io.gridpbx.core.provisioning}.
 */
@NullMarked
package io.gridpbx.node.provisioning;

import org.jspecify.annotations.NullMarked;
