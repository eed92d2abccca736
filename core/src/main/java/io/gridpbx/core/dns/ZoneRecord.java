package io.gridpbx.core.dns;

/**
 * One resource record, in master-file terms (RFC 1035 section 5.1).
 *
 * @param name absolute owner name with its final dot, e.g. {@code _sip._udp.office.demo.gridpbx.test.}
 * @param ttl  seconds
 * @param type e.g. {@code SRV}
 * @param data the record data as a master file writes it, e.g. {@code 10 100 5060 sip-127-0-0-1-5060.gridpbx.test.}
 */
public record ZoneRecord(String name, long ttl, String type, String data) {
}
