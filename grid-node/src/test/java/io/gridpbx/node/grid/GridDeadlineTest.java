package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastException;
import io.gridpbx.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A SIP thread never waits for the grid longer than its deadline, and a bug is not disguised as an outage. */
class GridDeadlineTest {

    private final GridDeadline deadline = new GridDeadline(Duration.ofMillis(100));

    @Test
    void anAnswerInTime_isReturned() {
        assertThat(deadline.await(CompletableFuture.completedFuture("bindings"), "register", "200@x")).isEqualTo("bindings");
    }

    @Test
    void noAnswer_givesUpAtTheDeadline_namingTheOperation() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> deadline.await(new CompletableFuture<String>(), "register", "200@x"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("register 200@x: no answer within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aGridFailure_isUnavailability() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new HazelcastException("member left"));

        assertThatThrownBy(() -> deadline.await(failed, "lookup", "200@x"))
                .isInstanceOf(StoreUnavailableException.class).hasRootCauseMessage("member left");
    }

    @Test
    void aBugInTheOperation_isRethrownAsItIs() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("bad processor"));

        assertThatThrownBy(() -> deadline.await(failed, "lookup", "200@x"))
                .isInstanceOf(IllegalStateException.class).hasMessage("bad processor");
    }
}
