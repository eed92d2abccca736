package io.gridpbx.core.presence;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Sends one NOTIFY in a subscription's dialog (RFC 6665 section 4.2.2); the SIP layer's side of the presence server. */
public interface NotifySender {

    /** A NOTIFY's body. */
    record Body(String contentType, byte[] content) {
    }

    /** How the watcher took it. */
    enum Result {
        /** A 2xx. */
        DELIVERED,
        /** 481, or any answer that ends the subscription (section 4.1.3), or no answer at all: the subscription is dropped. */
        GONE,
        /** Another failure: the subscription stays, the next change tries again. */
        FAILED
    }

    /**
     * @param subscription the subscription, with the CSeq and version this NOTIFY takes
     * @param state        the Subscription-State header's value ({@code active;expires=3600}, {@code terminated;reason=timeout})
     */
    CompletionStage<Result> send(Subscription subscription, String state, @Nullable Body body);
}
