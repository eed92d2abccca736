/**
 * The DNS records the cluster serves for the platform and client domains, as operators and tenants
 * see them: per zone, and as a master file for a BIND or PowerDNS primary.
 */
@NullMarked
package io.gridpbx.core.dns;

import org.jspecify.annotations.NullMarked;
