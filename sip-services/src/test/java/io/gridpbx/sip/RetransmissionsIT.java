package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request whose decision waits on the grid has no server transaction yet; its retransmissions
 * must not be decided again meanwhile (each would cost the grid and digest work of the first, which
 * is how a late node gets later), and once it is answered a late retransmission is answered alike.
 * Over real JAIN-SIP, with a binding store that holds registrations until the test lets them go.
 */
@Timeout(30)
class RetransmissionsIT {

    private static final int NODE_PORT = 15068;
    private static final HeldBindingStore held = new HeldBindingStore();
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT, store -> {
            held.delegate = store;
            return held;
        });
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void retransmissionsOfARegisterStillBeingDecided_areDropped_andItIsDecidedAndAnsweredOnce() throws IOException {
        String nonce = new NonceService(LoopbackNode.NONCE_SECRET, Clock.systemUTC(), new SplittableRandom(3),
                Duration.ofMinutes(5)).issue(OFFICE);
        String register = register("held-1", authorization(nonce));
        long absorbedBefore = node.counters().retransmissionsAbsorbed();
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            held.hold();
            phone.send(register);
            await(() -> held.registers.get() == 1, "the REGISTER reached the binding store");
            // retransmitted every 50 ms: while the original is still in the listener, JAIN-SIP's own
            // pending table drops a copy; after that only the node can, and must, until it answers
            await(() -> {
                phone.send(register);
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                return node.counters().retransmissionsAbsorbed() - absorbedBefore >= 2;
            }, "retransmissions absorbed by the node");

            held.release();
            List<String> answers = phone.answersWithin(Duration.ofMillis(1500));

            assertThat(answers).hasSize(1);
            assertThat(answers.getFirst()).startsWith("SIP/2.0 200 OK\r\n").contains("Call-ID: held-1\r\n");
            assertThat(held.registers).hasValue(1);

            // The registrar answers statelessly: a retransmission after the answer (the 200 was lost)
            // is decided again, with the same credentials, and gets the same answer: not a stale challenge.
            phone.send(register);
            List<String> late = phone.answersWithin(Duration.ofMillis(1500));

            assertThat(late).hasSize(1);
            assertThat(late.getFirst()).startsWith("SIP/2.0 200 OK\r\n");
        }
    }

    private static String register(String callId, String authorization) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:209@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:209@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 2 REGISTER\r\n"
                + "Contact: <sip:209@127.0.0.1:${port}>\r\n"
                + "Expires: 60\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    /** Phone 209 (password pass209) answering a nonce, MD5 with qop=auth. */
    private static String authorization(String nonce) {
        return DigestPhone.registerAuthorization("209", OFFICE, "pass209", DigestAlgorithm.MD5, nonce, "00000001");
    }

    private static void await(IoCondition condition, String what) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    @FunctionalInterface
    private interface IoCondition {
        boolean holds() throws IOException;
    }

    /** The in-memory store, whose registrations wait while it is held, as a slow grid's would. */
    private static final class HeldBindingStore implements BindingStore {

        volatile @Nullable BindingStore delegate;
        final AtomicInteger registers = new AtomicInteger();
        private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

        void hold() {
            gate = new CompletableFuture<>();
        }

        void release() {
            gate.complete(null);
        }

        @Override
        public CompletionStage<RegisterOutcome> register(RegisterRequest request, RegistrationPolicy policy) {
            registers.incrementAndGet();
            return gate.thenCompose(open -> delegate.register(request, policy));
        }

        @Override
        public CompletionStage<List<Binding>> lookup(AddressOfRecord aor) {
            return delegate.lookup(aor);
        }

        @Override
        public int addressCount() {
            return delegate.addressCount();
        }
    }
}
