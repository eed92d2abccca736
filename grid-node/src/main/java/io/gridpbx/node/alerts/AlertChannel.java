package io.gridpbx.node.alerts;

/** One way out for alerts (a webhook, mail). */
interface AlertChannel {

    /** For logs: {@code webhook https://...}, {@code mail ops@example.com}. */
    String name();

    /** Sends one event; throws when it did not go, so that delivery retries. */
    void send(AlertEvent event) throws Exception;
}
