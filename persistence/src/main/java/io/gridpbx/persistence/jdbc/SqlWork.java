package io.gridpbx.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection inside one transaction; it may run more than once, so it must be idempotent. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
