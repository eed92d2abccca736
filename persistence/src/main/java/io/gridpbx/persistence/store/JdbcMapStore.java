package io.gridpbx.persistence.store;

import com.hazelcast.map.MapStore;
import io.gridpbx.persistence.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape every table-backed MapStore shares. Writes are idempotent upserts and deletes, so a
 * replay after a failover or a retry is harmless. {@link #storeAll} writes the whole batch in one
 * transaction; if that fails it writes entry by entry and removes from the map every entry it
 * stored, so Hazelcast retries only what is really still pending (Hazelcast's MapStore contract).
 */
abstract class JdbcMapStore<K, V> implements MapStore<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMapStore.class);

    protected final Database database;
    private final String table;

    JdbcMapStore(Database database, String table) {
        this.database = database;
        this.table = table;
    }

    /** Writes these entries (upsert), within the caller's transaction. */
    abstract void write(Connection connection, Map<K, V> entries) throws SQLException;

    /** Deletes these keys, within the caller's transaction. */
    abstract void remove(Connection connection, Collection<K> keys) throws SQLException;

    /** Reads one value, or null. */
    abstract @Nullable V read(Connection connection, K key) throws SQLException;

    /** All keys to load when the map starts (eager load). */
    abstract List<K> keys(Connection connection) throws SQLException;

    @Override
    public void store(K key, V value) {
        Map<K, V> one = new HashMap<>(2);
        one.put(key, value);
        storeAll(one);
    }

    @Override
    public void storeAll(Map<K, V> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            database.transaction("store " + entries.size() + " into " + table, c -> {
                write(c, entries);
                return null;
            });
            entries.clear();
            return;
        } catch (SQLException batchFailed) {
            LOG.warn("storing {} rows into {} failed as a batch ({}); storing them one by one", entries.size(), table,
                    batchFailed.getMessage());
        }
        SQLException last = null;
        for (Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, V> entry = it.next();
            try {
                database.transaction("store into " + table, c -> {
                    write(c, Map.of(entry.getKey(), entry.getValue()));
                    return null;
                });
                it.remove();
            } catch (SQLException failure) {
                last = failure;
            }
        }
        if (!entries.isEmpty()) {
            throw new StoreFailedException(table + ": " + entries.size() + " entries still pending", last);
        }
    }

    @Override
    public void delete(K key) {
        List<K> one = new ArrayList<>(1);
        one.add(key);
        deleteAll(one);
    }

    @Override
    public void deleteAll(Collection<K> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            database.transaction("delete from " + table, c -> {
                remove(c, keys);
                return null;
            });
            keys.clear();
        } catch (SQLException failure) {
            throw new StoreFailedException(table + ": " + keys.size() + " deletes still pending", failure);
        }
    }

    /**
     * Answers a miss without the database. Every persisted map is loaded eagerly when the grid starts
     * (through {@link #loadAll}) and every change goes through the grid, so a key the grid does not
     * hold does not exist. Hazelcast asks this on every miss (a REGISTER of an unknown user, a call to
     * someone never registered) and queues the partition's other operations behind it: asking the
     * database would cost a round trip per miss and, with the database away, stall the partition for
     * the whole outage. (Rows written to the database behind the grid's back are not seen until the
     * next full start.)
     */
    @Override
    public @Nullable V load(K key) {
        return null;
    }

    @Override
    public Map<K, V> loadAll(Collection<K> keys) {
        try {
            return database.transaction("load " + keys.size() + " from " + table, c -> {
                Map<K, V> values = new HashMap<>();
                for (K key : keys) {
                    V value = read(c, key);
                    if (value != null) {
                        values.put(key, value);
                    }
                }
                return values;
            });
        } catch (SQLException failure) {
            throw new StoreFailedException("cannot load " + keys.size() + " keys from " + table, failure);
        }
    }

    @Override
    public Iterable<K> loadAllKeys() {
        try {
            return database.transaction("keys of " + table, this::keys);
        } catch (SQLException failure) {
            throw new StoreFailedException("cannot list the keys of " + table, failure);
        }
    }

    /** Runs a prepared statement once per item in one batch. */
    static <T> void batch(Connection c, String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                if (++pending == 1000) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    static <T> List<T> query(Connection c, String sql, Binder<PreparedStatement> binder, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement, statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(reader.read(rows));
                }
                return out;
            }
        }
    }

    /** Sets a statement's parameters from an item. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A write the database did not take; Hazelcast keeps the entries and retries them. */
    static final class StoreFailedException extends RuntimeException {
        StoreFailedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
