/** The DNS records the cluster serves for the zones in the signed-in scope. */
@NullMarked
package io.gridpbx.admin.dns;

import org.jspecify.annotations.NullMarked;
