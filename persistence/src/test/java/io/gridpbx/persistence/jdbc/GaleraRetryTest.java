package io.gridpbx.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GaleraRetryTest {

    private final GaleraRetry retry = new GaleraRetry(4, Duration.ofMillis(1), Duration.ofMillis(2));

    @Test
    void galerasTransientFailuresAreRetryable() {
        assertThat(GaleraRetry.isRetryable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(GaleraRetry.isRetryable(new SQLException("Lock wait timeout", "HY000", 1205))).isTrue();
        assertThat(GaleraRetry.isRetryable(new SQLException("WSREP has not yet prepared node", "08S01", 1047))).isTrue();
        assertThat(GaleraRetry.isRetryable(new SQLException("Communications link failure", "08S01", 0))).isTrue();
        assertThat(GaleraRetry.isRetryable(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(GaleraRetry.isRetryable(new SQLException("wrapped", "HY000", 0,
                new SQLException("Deadlock", "40001", 1213)))).isTrue();
    }

    @Test
    void dataErrorsAreNotRetried() {
        assertThat(GaleraRetry.isRetryable(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))).isFalse();
        assertThat(GaleraRetry.isRetryable(new SQLException("Data too long", "22001", 1406))).isFalse();
        assertThat(GaleraRetry.isRetryable(new SQLException("syntax", "42000", 1064))).isFalse();
    }

    @Test
    void retriesUntilTheWorkPasses() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.run("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("certification failed", "40001", 1213);
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("test", () -> {
            attempts.incrementAndGet();
            throw new SQLException("node gone", "08S01", 0);
        })).isInstanceOf(SQLException.class).hasMessage("node gone");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void doesNotRetryADataError() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("test", () -> {
            attempts.incrementAndGet();
            throw new SQLException("Data too long", "22001", 1406);
        })).isInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void connectorDefaultsAreAddedUnlessChosen() {
        assertThat(new DatabaseSettings("jdbc:mysql://a:3307,b:3308/gridpbx", "u", "p", 2).url())
                .isEqualTo("jdbc:mysql://a:3307,b:3308/gridpbx?failOverReadOnly=false&rewriteBatchedStatements=true"
                        + "&connectTimeout=3000&socketTimeout=30000&logger=com.mysql.cj.log.Slf4JLogger");
        assertThat(new DatabaseSettings("jdbc:mysql://a/gridpbx?socketTimeout=5000", "u", "p", 2).url())
                .contains("socketTimeout=5000").doesNotContain("socketTimeout=30000");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://a/x", "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
