/**
 * The digest algorithms of RFC 7616 and a client domain's choice among them: a leaf package that
 * both the tenant model (which stores the choice and the HA1 per algorithm) and the authenticator
 * (which offers and checks them) use, so neither depends on the other for it.
 */
@NullMarked
package io.gridpbx.core.digest;

import org.jspecify.annotations.NullMarked;
