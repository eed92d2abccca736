package io.gridpbx.core.presence;

/** What a SUBSCRIBE gets (RFC 6665 section 4.2.1). */
public sealed interface SubscribeOutcome {

    /**
     * 200, with Expires and this server's To tag; the first NOTIFY follows at once. {@code stored} is
     * false for a fetch or an unsubscribe: that NOTIFY ends the subscription.
     */
    record Accepted(Subscription subscription, int seconds, boolean stored) implements SubscribeOutcome {
    }

    /** 423 Interval Too Brief with Min-Expires. */
    record TooBrief(int minSeconds) implements SubscribeOutcome {
    }

    /** 489 Bad Event, with Allow-Events (section 4.2.1.1). */
    record BadEvent() implements SubscribeOutcome {
    }

    /** Any other refusal: 403 (may not watch), 404 (no such user), 481 (no such subscription). */
    record Refused(int status, String reason) implements SubscribeOutcome {
    }
}
