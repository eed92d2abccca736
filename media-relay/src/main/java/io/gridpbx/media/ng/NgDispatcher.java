package io.gridpbx.media.ng;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a request's dictionary into its reply's: the command's work, or {@code result: error} with
 * {@code error-reason} for anything that goes wrong, so that every request the handler accepted is
 * answered, whatever happened.
 */
final class NgDispatcher {

    private final NgCalls calls;
    private final NgCounters counters;

    NgDispatcher(NgCalls calls, NgCounters counters) {
        this.calls = calls;
        this.counters = counters;
    }

    /** The reply dictionary; the future never fails. */
    CompletableFuture<Map<String, Object>> dispatch(Map<String, Object> dictionary) {
        CompletableFuture<Map<String, Object>> reply;
        try {
            NgRequest request = new NgRequest(dictionary);
            String word = request.command();
            NgCommand command = NgCommand.of(word).orElseThrow(() -> new NgException("Unrecognized command"));
            counters.command(command);
            reply = switch (command) {
                case PING -> CompletableFuture.completedFuture(NgReplies.pong());
                case OFFER -> calls.offer(request);
                case ANSWER -> calls.answer(request);
                case DELETE -> calls.delete(request);
                case QUERY -> calls.query(request);
            };
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.exceptionally(this::error);
    }

    private Map<String, Object> error(Throwable failure) {
        counters.answeredError();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String reason = cause instanceof NgException ng ? ng.reason()
                : "Internal error: " + cause.getClass().getSimpleName();
        return NgReplies.error(reason);
    }
}
