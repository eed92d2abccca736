package io.gridpbx.node.dns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HINFORecord;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one DNS query as the authoritative server of the platform's zones: the records of the
 * name asked, with the SRV and address records a phone would ask next in the additional section
 * (RFC 3263 section 4.1 and RFC 2782), NXDOMAIN or NODATA with the zone's SOA when there is
 * nothing (RFC 2308), REFUSED for names outside the platform (no recursion, no open resolver),
 * and a short HINFO for ANY (RFC 8482), so that the server is no amplifier.
 */
final class ZoneAuthority {

    private final Zones zones;
    private final ZoneContent content;
    private final Supplier<LiveNodes.Roster> roster;

    ZoneAuthority(Zones zones, ZoneContent content, Supplier<LiveNodes.Roster> roster) {
        this.zones = zones;
        this.content = content;
        this.roster = roster;
    }

    /** The whole zone, SOA first; empty when the name is no zone of this platform. */
    Optional<List<Record>> zone(Name name) {
        return zones.isZone(name) ? Optional.of(content.of(name, roster.get())) : Optional.empty();
    }

    /** The answer to a parsed query, or the error the query deserves. */
    Message answer(Message query) {
        Message response = replyTo(query);
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            return error(response, Rcode.NOTIMP);
        }
        if (question == null || query.getSection(Section.QUESTION).size() != 1) {
            return error(response, Rcode.FORMERR);
        }
        response.addRecord(question, Section.QUESTION);
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            return error(response, Rcode.REFUSED);
        }
        Name name = question.getName();
        Optional<Name> zone = zones.zoneOf(name);
        if (zone.isEmpty()) {
            return error(response, Rcode.REFUSED);
        }
        response.getHeader().setFlag(Flags.AA);
        int type = question.getType();
        if (type == Type.AXFR || type == Type.IXFR) {
            // Transfers are answered by the TCP server, to the secondaries it allows.
            return error(response, Rcode.REFUSED);
        }
        LiveNodes.Roster nodes = roster.get();
        List<Record> records = content.of(zone.get(), nodes);
        List<Record> atName = records.stream().filter(r -> r.getName().equals(name)).toList();
        if (atName.isEmpty()) {
            if (!zones.isEmptyNonTerminal(name)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            response.addRecord(content.soa(zone.get(), nodes), Section.AUTHORITY);
            return response;
        }
        if (type == Type.ANY) {
            response.addRecord(new HINFORecord(name, DClass.IN, 0, "RFC8482", ""), Section.ANSWER);
            return response;
        }
        List<Record> answers = atName.stream().filter(r -> r.getType() == type).toList();
        if (answers.isEmpty()) {
            response.addRecord(content.soa(zone.get(), nodes), Section.AUTHORITY);
            return response;
        }
        answers.forEach(r -> response.addRecord(r, Section.ANSWER));
        additional(answers, records, nodes).forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        return response;
    }

    /** What the phone asks next: the SRV records a NAPTR points at, and the addresses SRV and NS point at. */
    private Set<Record> additional(List<Record> answers, List<Record> zone, LiveNodes.Roster nodes) {
        Set<Record> more = new LinkedHashSet<>();
        List<Record> srv = new ArrayList<>();
        for (Record answer : answers) {
            if (answer instanceof NAPTRRecord naptr) {
                zone.stream().filter(r -> r.getType() == Type.SRV && r.getName().equals(naptr.getReplacement()))
                        .forEach(srv::add);
            } else if (answer instanceof SRVRecord || answer instanceof NSRecord) {
                srv.add(answer);
            }
        }
        answers.stream().filter(NAPTRRecord.class::isInstance).findAny().ifPresent(any -> more.addAll(srv));
        Set<Name> targets = new LinkedHashSet<>();
        srv.forEach(r -> targets.add(r.getAdditionalName()));
        for (SipNode node : nodes.nodes()) {
            if (targets.contains(content.target(node))) {
                content.address(node).ifPresent(more::add);
            }
        }
        return more;
    }

    /** The empty reply to a query: its ID, opcode and RD flag, the QR flag set (RFC 1035 section 4.1.1). */
    static Message replyTo(Message query) {
        Header header = new Header(query.getHeader().getID());
        header.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        header.setOpcode(query.getHeader().getOpcode());
        Message response = new Message();
        response.setHeader(header);
        return response;
    }

    private static Message error(Message response, int rcode) {
        response.getHeader().setRcode(rcode);
        return response;
    }
}
