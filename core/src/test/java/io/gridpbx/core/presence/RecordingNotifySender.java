package io.gridpbx.core.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A NOTIFY sender that records what it is asked to send and answers as the test says (delivered unless told). */
final class RecordingNotifySender implements NotifySender {

    /** One NOTIFY asked for. */
    record Sent(Subscription subscription, String state, @Nullable Body body) {

        String text() {
            return body == null ? "" : new String(body.content(), StandardCharsets.UTF_8);
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private Result answer = Result.DELIVERED;

    /** What the watchers answer from now on. */
    void answer(Result result) {
        this.answer = result;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    Sent last() {
        if (sent.isEmpty()) {
            throw new AssertionError("no NOTIFY was sent");
        }
        return sent.getLast();
    }

    void clear() {
        sent.clear();
    }

    @Override
    public synchronized CompletionStage<Result> send(Subscription subscription, String state, @Nullable Body body) {
        sent.add(new Sent(subscription, state, body));
        return CompletableFuture.completedFuture(answer);
    }
}
