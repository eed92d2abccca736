package io.gridpbx.node.alerts;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each transition to every channel, off the evaluation thread: a channel that fails is tried
 * again a few times with a growing pause, and logged once when it gives up. Nothing here ever waits
 * for a channel on the caller's thread.
 */
final class AlertDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    private final List<AlertChannel> channels;
    private final int attempts;
    private final Duration firstPause;
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("alert-delivery-", 0).daemon().factory());

    /**
     * @param attempts   how many times one event is tried on one channel
     * @param firstPause the pause before the second try, doubled before each next one
     */
    AlertDelivery(List<AlertChannel> channels, int attempts, Duration firstPause) {
        this.channels = List.copyOf(channels);
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    List<String> channelNames() {
        return channels.stream().map(AlertChannel::name).toList();
    }

    void deliver(AlertEvent event) {
        for (AlertChannel channel : channels) {
            submit(() -> attempt(channel, event, 1), 0);
        }
    }

    private void attempt(AlertChannel channel, AlertEvent event, int attempt) {
        try {
            channel.send(event);
            LOG.debug("{} sent to {}", event.summary(), channel.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (attempt < attempts) {
                submit(() -> attempt(channel, event, attempt + 1), firstPause.toMillis() << (attempt - 1));
            } else {
                LOG.warn("could not send {} to {} after {} attempts: {}", event.summary(), channel.name(), attempts,
                        e.toString());
            }
        }
    }

    private void submit(Runnable task, long delayMillis) {
        try {
            senders.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("node stopping: an alert is not delivered");
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
