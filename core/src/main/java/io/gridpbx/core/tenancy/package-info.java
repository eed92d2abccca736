/**
 * The four-level tenancy model (platform, reseller, client, user), its naming rules and the directory port that serves it.
 */
@NullMarked
package io.gridpbx.core.tenancy;

import org.jspecify.annotations.NullMarked;
