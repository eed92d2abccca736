package io.gridpbx.core.provisioning;

import io.gridpbx.core.auth.DigestResponse;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP(S) fetch of a provisioning file.
 *
 * @param source    the client's address, which the unknown-MAC limit counts by
 * @param userAgent its User-Agent, empty when absent: it names the vendor when the file name does not
 * @param user      the HTTP Basic user (RFC 7617): the MAC, or the user's SIP auth user; null without credentials
 * @param password  the Basic password: the phone's secret, or the SIP password
 * @param digest    an HTTP Digest answer (RFC 7616) with the user's SIP credentials, instead of Basic
 */
public record PhoneFetch(String fileName, String source, String userAgent, @Nullable String user,
        @Nullable String password, @Nullable DigestResponse digest) {

    public PhoneFetch(String fileName, String source, String userAgent, @Nullable String user,
            @Nullable String password) {
        this(fileName, source, userAgent, user, password, null);
    }
}
