/**
 * Durable storage of the grid's state: the Flyway schema, the write-behind MapStores and the JDBC access with Galera retry rules. It arrives with the persistence issue; the module exists so that the reactor and its edges are in place.
 */
@NullMarked
package io.gridpbx.persistence;

import org.jspecify.annotations.NullMarked;
