package io.gridpbx.core.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP(S) fetch of a provisioning file.
 *
 * @param source    the client's address, which the unknown-MAC limit counts by
 * @param userAgent its User-Agent, empty when absent: it names the vendor when the file name does not
 * @param user      the HTTP Basic user (RFC 7617): the MAC, or the user's SIP auth user; null without credentials
 * @param password  the Basic password: the phone's secret, or the SIP password
 */
public record PhoneFetch(String fileName, String source, String userAgent, @Nullable String user,
        @Nullable String password) {
}
