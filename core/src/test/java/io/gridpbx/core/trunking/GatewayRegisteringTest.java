package io.gridpbx.core.trunking;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * One node's registrations at carriers, with a carrier played by a table of answers and a clock moved by
 * hand: when each REGISTER goes, with which expiry, and what the shared board says.
 */
class GatewayRegisteringTest {

    private static final Gateway TRUNK = registering("gw-1", 600);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final Carrier carrier = new Carrier();
    private final InMemoryRegistrationBoard board = new InMemoryRegistrationBoard();
    private final GatewayRegistering registering = new GatewayRegistering(carrier, board, clock, "nodeA", RETRY);

    @Test
    void aGatewayIsRegisteredAtOnce_andRefreshedHalfwayThroughTheLifetimeItsCarrierGranted() {
        carrier.answer(new RegisterOutcome(200, 120, 0));
        registering.round(List.of(TRUNK), id -> true);

        assertThat(carrier.sent).containsExactly("gw-1 600");
        GatewayRegistration state = board.all().get("gw-1");
        assertThat(state.state()).isEqualTo(GatewayRegistration.State.REGISTERED);
        assertThat(state.node()).isEqualTo("nodeA");
        assertThat(state.untilMillis()).isEqualTo(clock.millis() + 120_000);

        clock.advance(Duration.ofSeconds(59));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).as("not due before half of the 120 s granted").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 600");
    }

    @Test
    void aRefusal_isTriedAgainAfterThePause_doubledAtEachFailureInARow_neverAFlood() {
        carrier.answer(new RegisterOutcome(403, 0, 0));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(board.all().get("gw-1")).extracting(GatewayRegistration::state, GatewayRegistration::lastStatus)
                .containsExactly(GatewayRegistration.State.FAILED, 403);

        for (int second = 1; second < 30; second++) {
            clock.advance(Duration.ofSeconds(1));
            registering.round(List.of(TRUNK), id -> true);
        }
        assertThat(carrier.sent).as("nothing within the first pause").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).hasSize(2);

        clock.advance(Duration.ofSeconds(59));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).as("the second pause is twice the first").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        carrier.answer(new RegisterOutcome(200, 0, 0));
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).hasSize(3);
        assertThat(board.all().get("gw-1").registered()).isTrue();
        assertThat(board.all().get("gw-1").untilMillis()).as("no Expires granted: the 600 s asked")
                .isEqualTo(clock.millis() + 600_000);
    }

    @Test
    void silenceCountsAsAFailure_andAFailedSendToo() {
        carrier.fail();
        registering.round(List.of(TRUNK), id -> true);
        assertThat(board.all().get("gw-1")).extracting(GatewayRegistration::state, GatewayRegistration::lastStatus)
                .containsExactly(GatewayRegistration.State.FAILED, 408);
        registering.round(List.of(TRUNK), id -> true);
        assertThat(carrier.sent).hasSize(1);
    }

    @Test
    void intervalTooBrief_isAskedAgainWithItsMinExpires() {
        carrier.answer(new RegisterOutcome(423, 0, 1800));
        registering.round(List.of(TRUNK), id -> true);
        carrier.answer(new RegisterOutcome(200, 1800, 0));
        registering.round(List.of(TRUNK), id -> true);

        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 1800");
        assertThat(board.all().get("gw-1").registered()).isTrue();
    }

    @Test
    void aGatewayThatStopsRegistering_isUnregistered_andItsStateCleared() {
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK), id -> true);
        Gateway off = new Gateway("gw-1", "Carrier", "10.0.0.1", 5060, Gateway.Transport.UDP, "acct", "secret", 0, null,
                false, false, 600);
        registering.round(List.of(off), id -> true);

        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 0");
        assertThat(board.all()).doesNotContainKey("gw-1");
        assertThat(registering.registered()).isEmpty();
    }

    @Test
    void aDeletedGateway_isUnregistered_andItsStateCleared() {
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK), id -> true);
        registering.round(List.of(), id -> true);

        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 0");
        assertThat(board.all()).doesNotContainKey("gw-1");
    }

    @Test
    void aGatewayPassedToAnotherNode_isUnregistered_butItsStateIsLeftToTheNewOwner() {
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK), id -> true);
        registering.round(List.of(TRUNK), id -> false);

        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 0");
        assertThat(board.all()).containsKey("gw-1");
    }

    @Test
    void onlyTheGatewaysOfThisNode_andOnlyThoseThatRegister_areRegistered() {
        Gateway other = registering("gw-2", 600);
        Gateway plain = new Gateway("gw-3", "Plain", "10.0.0.3", 5060, Gateway.Transport.UDP, null, null, 0, null, true);
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK, other, plain), id -> !id.equals("gw-2"));

        assertThat(carrier.sent).containsExactly("gw-1 600");
    }

    @Test
    void aNewAccount_removesTheOldRegistration_thenRegistersTheNewOne() {
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK), id -> true);
        Gateway moved = new Gateway("gw-1", "Carrier", "10.0.0.9", 5060, Gateway.Transport.UDP, "acct", "secret", 0,
                null, false, true, 600);
        registering.round(List.of(moved), id -> true);

        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 0", "gw-1 600");
        assertThat(carrier.hosts).containsExactly("10.0.0.1", "10.0.0.1", "10.0.0.9");
    }

    @Test
    void anAnswerStillOut_isWaitedFor_beforeTheRegistrationIsLetGo() {
        CompletableFuture<RegisterOutcome> pending = carrier.hold();
        registering.round(List.of(TRUNK), id -> true);
        registering.round(List.of(TRUNK), id -> false);
        assertThat(carrier.sent).as("nothing to remove while the answer is out").containsExactly("gw-1 600");

        carrier.answer(new RegisterOutcome(200, 600, 0));
        pending.complete(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK), id -> false);
        assertThat(carrier.sent).containsExactly("gw-1 600", "gw-1 0");
    }

    @Test
    void stop_removesEveryRegistration_andLaterRoundsDoNothing() {
        Gateway other = registering("gw-2", 900);
        carrier.answer(new RegisterOutcome(200, 600, 0));
        registering.round(List.of(TRUNK, other), id -> true);
        registering.stop().toCompletableFuture().join();
        registering.round(List.of(TRUNK, other), id -> true);

        assertThat(carrier.sent).containsExactlyInAnyOrder("gw-1 600", "gw-2 900", "gw-1 0", "gw-2 0");
    }

    private static Gateway registering(String id, int expires) {
        return new Gateway(id, "Carrier " + id, "10.0.0.1", 5060, Gateway.Transport.UDP, "acct", "secret", 0, null, false,
                true, expires);
    }

    /** Answers every REGISTER with the outcome set last, and remembers what was sent. */
    private static final class Carrier implements GatewayRegistering.Sender {
        final List<String> sent = new ArrayList<>();
        final List<String> hosts = new ArrayList<>();
        private CompletionStage<RegisterOutcome> next = CompletableFuture.completedFuture(RegisterOutcome.silent());

        void answer(RegisterOutcome outcome) {
            next = CompletableFuture.completedFuture(outcome);
        }

        void fail() {
            next = CompletableFuture.failedFuture(new IllegalStateException("no route to the carrier"));
        }

        CompletableFuture<RegisterOutcome> hold() {
            CompletableFuture<RegisterOutcome> held = new CompletableFuture<>();
            next = held;
            return held;
        }

        @Override
        public CompletionStage<RegisterOutcome> register(Gateway gateway, int expires) {
            sent.add(gateway.id() + " " + expires);
            hosts.add(gateway.host());
            return next;
        }
    }
}
