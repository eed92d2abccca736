package io.gridpbx.core.store;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waiting for a port's asynchronous answer where a caller must (the admin pages and the REST API,
 * never the SIP path). The adapters bound every stage with their own deadline, so the wait is
 * bounded too; the failure comes out as it went in, not wrapped.
 */
public final class Stages {

    private Stages() {
    }

    /**
     * The stage's value, waited for.
     *
     * @throws StoreUnavailableException when the store did not answer within its deadline
     */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
