package io.gridpbx.core.trunking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * This node's registrations at carriers (RFC 3261 section 10.2). Each round, every gateway with
 * registration on that this node is in charge of ({@code mine}: in a cluster, each gateway has exactly
 * one such node) is registered when it is due: first at once, then halfway through the lifetime its
 * carrier granted. A refusal or silence is tried again after {@code retryAfter}, doubled at each
 * failure in a row up to ten minutes, so a carrier that refuses us is never flooded; a 423 is asked
 * again at once with its Min-Expires (section 10.3 step 7). A registration this node holds is removed
 * (Expires: 0, section 10.2.2) when its gateway stops registering, is deleted, changes carrier or
 * account, or passes to another node, whose own Contact then takes over. Answers arrive between
 * rounds, on the sender's threads; the state is guarded by this object, and nothing here waits.
 */
public final class GatewayRegistering {

    /** Sends one REGISTER, answering the carrier's digest challenge, and completes with the final answer. */
    @FunctionalInterface
    public interface Sender {
        /** @param expires the lifetime asked, in seconds; 0 removes this node's binding */
        CompletionStage<RegisterOutcome> register(Gateway gateway, int expires);
    }

    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);
    /** A carrier that grants a few seconds is still not refreshed more than once a second. */
    private static final long SHORTEST_REFRESH_MILLIS = 1_000;
    /** The longest Min-Expires a 423 may impose: beyond a day it is no longer a registration worth keeping. */
    private static final int LONGEST_MIN_EXPIRES = 86_400;

    private final Sender sender;
    private final RegistrationBoard board;
    private final Clock clock;
    private final String node;
    private final Duration retryAfter;
    private final Map<String, Slot> slots = new HashMap<>();
    private boolean stopped;

    /** One gateway this node registers. */
    private static final class Slot {
        final Gateway gateway;
        int expires;
        long dueMillis;
        boolean inFlight;
        /** The carrier holds a binding of this node's Contact: it is removed when the node lets go. */
        boolean bound;
        int failures;
        long untilMillis;

        Slot(Gateway gateway, long dueMillis) {
            this.gateway = gateway;
            this.expires = gateway.registerExpires();
            this.dueMillis = dueMillis;
        }
    }

    /**
     * @param node       this node's name, written with each state
     * @param retryAfter the pause after a first failure, doubled at each one in a row (30 s in production)
     */
    public GatewayRegistering(Sender sender, RegistrationBoard board, Clock clock, String node, Duration retryAfter) {
        this.sender = sender;
        this.board = board;
        this.clock = clock;
        this.node = node;
        this.retryAfter = retryAfter;
    }

    /** Registers what is due, and lets go of what is no longer this node's to register. */
    public synchronized void round(Collection<Gateway> gateways, Predicate<String> mine) {
        if (stopped) {
            return;
        }
        long now = clock.millis();
        Map<String, Gateway> registering = new HashMap<>();
        Map<String, Gateway> wanted = new HashMap<>();
        for (Gateway gateway : gateways) {
            if (gateway.register()) {
                registering.put(gateway.id(), gateway);
                if (mine.test(gateway.id())) {
                    wanted.put(gateway.id(), gateway);
                }
            }
        }
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            Gateway current = wanted.get(slot.gateway.id());
            if (slot.inFlight || current != null && current.registersAs(slot.gateway)) {
                continue; // a pending answer is waited for: the next round decides
            }
            it.remove();
            if (slot.bound) {
                unregister(slot.gateway);
            }
            if (!registering.containsKey(slot.gateway.id())) {
                board.clear(slot.gateway.id()); // else changed, or passed to another node that writes its state
            }
        }
        for (Gateway gateway : wanted.values()) {
            Slot slot = slots.computeIfAbsent(gateway.id(), id -> new Slot(gateway, now));
            if (!slot.inFlight && now >= slot.dueMillis && slot.gateway.registersAs(gateway)) {
                send(slot);
            }
        }
    }

    /**
     * Removes every registration this node holds, for a graceful leave: the gateways' next owners
     * register their own Contacts. Completes when every carrier answered (or gave up); rounds do nothing after.
     */
    public synchronized CompletionStage<Void> stop() {
        stopped = true;
        List<CompletableFuture<?>> removals = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (slot.bound) {
                removals.add(unregister(slot.gateway));
            }
        }
        slots.clear();
        return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
    }

    /** The gateways this node holds a registration of, for tests and metrics. */
    public synchronized List<String> registered() {
        return slots.values().stream().filter(s -> s.bound).map(s -> s.gateway.id()).sorted().toList();
    }

    private void send(Slot slot) {
        slot.inFlight = true;
        int expires = slot.expires;
        CompletionStage<RegisterOutcome> answer;
        try {
            answer = sender.register(slot.gateway, expires);
        } catch (RuntimeException unsendable) {
            answer = CompletableFuture.completedFuture(RegisterOutcome.silent());
        }
        answer.exceptionally(failed -> RegisterOutcome.silent())
                .thenAccept(outcome -> answered(slot, expires, outcome));
    }

    private synchronized void answered(Slot slot, int expires, RegisterOutcome outcome) {
        slot.inFlight = false;
        long now = clock.millis();
        String id = slot.gateway.id();
        if (slots.get(id) != slot) {
            // Let go of while its REGISTER was out (the node stopped): what it bound goes too.
            if (outcome.accepted()) {
                unregister(slot.gateway);
            }
            return;
        }
        if (outcome.accepted()) {
            int granted = outcome.grantedSeconds() > 0 ? outcome.grantedSeconds() : expires;
            slot.bound = true;
            slot.failures = 0;
            slot.untilMillis = now + granted * 1_000L;
            slot.dueMillis = now + Math.max(SHORTEST_REFRESH_MILLIS, granted * 500L);
            board.save(new GatewayRegistration(id, GatewayRegistration.State.REGISTERED, node, outcome.status(),
                    slot.untilMillis, now));
        } else if (outcome.status() == 423 && outcome.minExpires() > expires
                && outcome.minExpires() <= LONGEST_MIN_EXPIRES) {
            slot.expires = outcome.minExpires();
            slot.dueMillis = now;
        } else {
            slot.failures++;
            slot.dueMillis = now + pause(slot.failures).toMillis();
            board.save(new GatewayRegistration(id, GatewayRegistration.State.FAILED, node, outcome.status(),
                    slot.untilMillis > now ? slot.untilMillis : 0, now));
        }
    }

    private CompletableFuture<RegisterOutcome> unregister(Gateway gateway) {
        try {
            return sender.register(gateway, 0).toCompletableFuture().exceptionally(failed -> RegisterOutcome.silent());
        } catch (RuntimeException unsendable) {
            return CompletableFuture.completedFuture(RegisterOutcome.silent());
        }
    }

    /** {@code retryAfter}, doubled for each failure in a row after the first, at most ten minutes (or retryAfter). */
    private Duration pause(int failures) {
        Duration pause = retryAfter.multipliedBy(1L << Math.min(failures - 1, 20));
        Duration longest = retryAfter.compareTo(LONGEST_PAUSE) > 0 ? retryAfter : LONGEST_PAUSE;
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
