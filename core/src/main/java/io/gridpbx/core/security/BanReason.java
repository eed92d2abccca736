package io.gridpbx.core.security;

/** Why a source was banned or locked out. */
public enum BanReason {
    /** More requests in a sampling window than any phone sends (the pike rule). */
    FLOOD,
    /** Failed digest answers past the threshold. */
    PASSWORD_GUESSING,
    /** A User-Agent of a known scanning tool. */
    SCANNER,
    /** Kept asking for domains or users we do not serve (403/404 past the threshold). */
    PROBING
}
