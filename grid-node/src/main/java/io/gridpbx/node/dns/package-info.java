/**
 * The DNS every node serves: NAPTR, SRV and A/AAAA records of the live members for the platform
 * domain and each client domain (RFC 3263), so that phones find the cluster by its domain alone and
 * a node that leaves is gone from every answer within the records' TTL.
 */
@NullMarked
package io.gridpbx.node.dns;

import org.jspecify.annotations.NullMarked;
