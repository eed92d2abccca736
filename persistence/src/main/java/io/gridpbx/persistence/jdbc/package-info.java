/**
 * Connections, migrations and the retry rules of a Galera cluster: every unit of work is idempotent and retried on deadlocks, certification conflicts, lock waits, a node that is not ready and lost connections.
 */
@NullMarked
package io.gridpbx.persistence.jdbc;

import org.jspecify.annotations.NullMarked;
