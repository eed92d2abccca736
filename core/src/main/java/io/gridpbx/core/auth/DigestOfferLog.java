package io.gridpbx.core.auth;

import io.gridpbx.core.digest.DigestAlgorithm;
import java.util.List;

/**
 * Where the authenticator reports a phone that answered a challenge with an algorithm the realm does
 * not offer: such a phone (one that knows only MD5, in a domain set to SHA-256) fails on every
 * attempt, and the operator needs to see why. An adapter logs it, rate-limited.
 */
public interface DigestOfferLog {

    /** Reports nothing: for tests and tools that do not look. */
    DigestOfferLog NONE = (realm, username, answered, offered) -> { };

    /**
     * @param answered the {@code algorithm} parameter of the answer as the phone wrote it
     * @param offered  what the realm's challenges offer, preferred first
     */
    void unoffered(String realm, String username, String answered, List<DigestAlgorithm> offered);
}
