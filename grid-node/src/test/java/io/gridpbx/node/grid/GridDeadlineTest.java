package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastException;
import io.gridpbx.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SIP path never waits for the grid longer than its deadline, goes on on the callback threads,
 * and a bug is not disguised as an outage.
 */
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

    @Test
    void aBoundAnswer_goesOnOnTheCallbackThreads_notOnTheThreadThatAnswered() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        CompletableFuture<String> thread = deadline.bound(pending, "lookup", "200@x")
                .thenApply(value -> value + " on " + Thread.currentThread().getName());

        Thread partition = new Thread(() -> pending.complete("bindings"), "hz.partition-operation.thread-0");
        partition.start();

        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("bindings on grid-callback-");
    }

    @Test
    void aBoundStage_withNoAnswer_failsAtTheDeadline_asUnavailability() {
        long started = System.nanoTime();
        CompletableFuture<String> bounded = deadline.bound(new CompletableFuture<String>(), "register", "200@x");

        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("register 200@x: no answer within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(2));
    }

    @Test
    void aBoundStage_translatesAGridFailure_andKeepsABug() {
        assertThatThrownBy(() -> deadline.bound(CompletableFuture.failedFuture(new HazelcastException("member left")),
                "lookup", "200@x").join()).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> deadline.bound(CompletableFuture.failedFuture(new IllegalStateException("bad processor")),
                "lookup", "200@x").join()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerInTime_cancelsItsDeadline() throws Exception {
        GridCallbacks callbacks = new GridCallbacks(1);
        GridDeadline bounded = new GridDeadline(Duration.ofMillis(100), callbacks);

        assertThat(bounded.bound(CompletableFuture.completedFuture("x"), "lookup", "200@x").get(5, TimeUnit.SECONDS))
                .isEqualTo("x");
        assertThat(callbacks.pendingDeadlines()).isZero();
    }
}
