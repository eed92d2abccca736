package io.gridpbx.core.provisioning;

/**
 * One busy-lamp-field key: a line key that watches another extension's dialog state (RFC 4235) and
 * picks up or calls it when pressed.
 *
 * @param index     1-based key position
 * @param extension the watched extension
 * @param uri       the watched user's SIP URI, which the phone subscribes to
 * @param label     what the key shows: the watched user's display name, or its extension
 */
public record BlfKey(int index, String extension, String uri, String label) {
}
