/**
 * Galera test support: {@link io.gridpbx.persistence.galera.GaleraCluster}, a real three-node MariaDB
 * Galera cluster on loopback started through {@code scripts/galera}, with node crashes, rejoins and a
 * check that every node holds the same rows.
 */
@NullMarked
package io.gridpbx.persistence.galera;

import org.jspecify.annotations.NullMarked;
