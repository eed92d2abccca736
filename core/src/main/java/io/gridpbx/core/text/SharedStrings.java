package io.gridpbx.core.text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each of the few strings that many long-lived records repeat: a tenant's domain in every
 * one of its users' credentials, a node's id and a phone model's User-Agent in every binding, on the
 * owner and on the backup. Bounded: once full, a string is returned as it is, not kept, so strings a
 * caller controls (a User-Agent) can fill it but never grow it.
 */
public final class SharedStrings {

    /** Domains of tenants: one per client and reseller. */
    public static final SharedStrings DOMAINS = new SharedStrings(100_000);
    /** Ids of the cluster's nodes. */
    public static final SharedStrings NODE_IDS = new SharedStrings(1_000);
    /** User-Agents of phones: a few per deployment (model and firmware). */
    public static final SharedStrings USER_AGENTS = new SharedStrings(10_000);

    private final ConcurrentHashMap<String, String> copies = new ConcurrentHashMap<>();
    private final int maxCopies;

    public SharedStrings(int maxCopies) {
        this.maxCopies = maxCopies;
    }

    /** The copy kept of {@code text}, which becomes it when none is kept and there is room. */
    public String of(String text) {
        String kept = copies.get(text);
        if (kept != null) {
            return kept;
        }
        if (copies.size() >= maxCopies) {
            return text;
        }
        kept = copies.putIfAbsent(text, text);
        return kept == null ? text : kept;
    }
}
