/**
 * Durable storage of the grid's state: the Flyway schema (the one schema, MariaDB dialect, also run
 * by the embedded H2 store), the write-behind MapStores of the persisted maps, and JDBC access that
 * survives a Galera node dying under it.
 */
@NullMarked
package io.gridpbx.persistence;

import org.jspecify.annotations.NullMarked;
