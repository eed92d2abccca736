package io.gridpbx.core.trunking;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One round of gateway probing on this node: every gateway with probing on that this node is in
 * charge of ({@code mine}: in a cluster, each gateway has exactly one such node) gets an OPTIONS, and
 * its shared health moves with the answer. A gateway whose probing is off is kept up.
 */
public final class GatewayProbing {

    /** Where the shared health lives: the grid, or memory in a test. */
    public interface HealthBoard {
        GatewayHealth health(String gatewayId);

        void save(GatewayHealth health);
    }

    private final Function<Gateway, CompletionStage<Integer>> probe;
    private final HealthBoard board;
    private final Clock clock;

    /** @param probe sends OPTIONS to a gateway, completing with the answer's status, 408 when none came */
    public GatewayProbing(Function<Gateway, CompletionStage<Integer>> probe, HealthBoard board, Clock clock) {
        this.probe = probe;
        this.board = board;
        this.clock = clock;
    }

    /** Probes the gateways this node is in charge of; completes when every answer is in (or given up). */
    public CompletionStage<Void> round(Collection<Gateway> gateways, Predicate<String> mine) {
        CompletableFuture<?>[] probes = gateways.stream().filter(g -> mine.test(g.id())).map(this::check)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(probes);
    }

    private CompletableFuture<Void> check(Gateway gateway) {
        if (!gateway.probing()) {
            GatewayHealth health = board.health(gateway.id());
            if (!health.takesCalls()) {
                board.save(GatewayHealth.unknown(gateway.id(), clock.millis())); // probing switched off: trust it
            }
            return CompletableFuture.completedFuture(null);
        }
        return probe.apply(gateway).exceptionally(unreachable -> 408).toCompletableFuture().thenAccept(status -> {
            GatewayHealth before = board.health(gateway.id());
            GatewayHealth after = before.after(status, clock.millis());
            if (!after.equals(before)) {
                board.save(after);
            }
        });
    }
}
