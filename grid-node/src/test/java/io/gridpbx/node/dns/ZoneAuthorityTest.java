package io.gridpbx.node.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ZoneAuthorityTest {

    static final SipNode WITH_TLS = new SipNode("127.0.0.1", 5060, 5061, 80);
    static final SipNode UDP_TCP_ONLY = new SipNode("127.0.0.2", 5070, 0, 20);

    private final AtomicReference<LiveNodes.Roster> roster =
            new AtomicReference<>(new LiveNodes.Roster(List.of(WITH_TLS, UDP_TCP_ONLY), 1_764_000_000L));
    private final ZoneAuthority authority = authority(roster, List.of(SipTransport.UDP, SipTransport.TCP,
            SipTransport.TLS));

    static ZoneAuthority authority(AtomicReference<LiveNodes.Roster> roster, List<SipTransport> order) {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        DemoTenants.create(new TenantProvisioning(directory));
        ZoneContent content = new ZoneContent(ZoneContent.absolute("gridpbx.test"), Duration.ofSeconds(5), order);
        return new ZoneAuthority(new Zones(content.platform(), directory), content, roster::get);
    }

    @Test
    void naptrOfAClientDomain_pointsAtEachTransportInOrder_withTheSrvAndAddressesAdded() {
        Message answer = ask("office.demo.gridpbx.test", Type.NAPTR);

        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(records(answer, Section.ANSWER)).map(r -> (NAPTRRecord) r)
                .extracting(NAPTRRecord::getOrder, NAPTRRecord::getService, r -> r.getReplacement().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, "SIP+D2U", "_sip._udp.office.demo.gridpbx.test."),
                        org.assertj.core.groups.Tuple.tuple(20, "SIP+D2T", "_sip._tcp.office.demo.gridpbx.test."),
                        org.assertj.core.groups.Tuple.tuple(30, "SIPS+D2T", "_sips._tcp.office.demo.gridpbx.test."));
        assertThat(records(answer, Section.ADDITIONAL)).filteredOn(r -> r.getType() == Type.SRV).hasSize(5);
        assertThat(records(answer, Section.ADDITIONAL)).filteredOn(r -> r.getType() == Type.A)
                .extracting(r -> ((ARecord) r).getAddress().getHostAddress())
                .containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
    }

    @Test
    void srvRecords_nameEveryLiveNodeWithItsPortAndLoadWeight_andTlsOnlyWhereOffered() {
        assertThat(records(ask("_sip._udp.office.demo.gridpbx.test", Type.SRV), Section.ANSWER))
                .map(r -> (SRVRecord) r)
                .extracting(SRVRecord::getPort, SRVRecord::getWeight, r -> r.getTarget().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5060, 80, "sip-127-0-0-1-5060.gridpbx.test."),
                        org.assertj.core.groups.Tuple.tuple(5070, 20, "sip-127-0-0-2-5070.gridpbx.test."));
        Message tls = ask("_sips._tcp.gridpbx.test", Type.SRV);
        assertThat(records(tls, Section.ANSWER)).map(r -> ((SRVRecord) r).getPort()).containsExactly(5061);
        assertThat(records(tls, Section.ANSWER)).allMatch(r -> r.getTTL() == 5);
    }

    @Test
    void aNodeAddress_isAnsweredWhileTheNodeLives_andNxdomainOnceItLeft() {
        Message live = ask("sip-127-0-0-2-5070.gridpbx.test", Type.A);
        assertThat(records(live, Section.ANSWER)).extracting(r -> ((ARecord) r).getAddress().getHostAddress())
                .containsExactly("127.0.0.2");

        roster.set(new LiveNodes.Roster(List.of(WITH_TLS), 1_764_000_001L));

        Message gone = ask("sip-127-0-0-2-5070.gridpbx.test", Type.A);
        assertThat(gone.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(records(gone, Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(((SOARecord) soa).getSerial()).isEqualTo(1_764_000_001L));
        assertThat(records(ask("_sip._udp.office.demo.gridpbx.test", Type.SRV), Section.ANSWER)).hasSize(1);
    }

    @Test
    void namesOutsideThePlatformAreRefused_soTheServerIsNoOpenResolver() {
        Message answer = ask("example.com", Type.A);
        assertThat(answer.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(records(answer, Section.ANSWER)).isEmpty();
    }

    @Test
    void aResellerRealmExistsWithoutRecords_andAnUnknownClientDoesNot() {
        Message realm = ask("demo.gridpbx.test", Type.NAPTR);
        assertThat(realm.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(records(realm, Section.ANSWER)).isEmpty();
        assertThat(records(realm, Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);

        Message unknown = ask("nobody.demo.gridpbx.test", Type.NAPTR);
        assertThat(unknown.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(records(unknown, Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(soa.getName().toString()).isEqualTo("gridpbx.test."));
    }

    @Test
    void aTypeTheNameDoesNotHave_isNodataWithTheClientZonesSoa() {
        Message answer = ask("office.demo.gridpbx.test", Type.MX);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(records(answer, Section.ANSWER)).isEmpty();
        assertThat(records(answer, Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(soa.getName().toString()).isEqualTo("office.demo.gridpbx.test."));
    }

    @Test
    void anyIsAnsweredWithOneShortRecord_asRfc8482Says() {
        Message answer = ask("office.demo.gridpbx.test", Type.ANY);
        assertThat(records(answer, Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(r.getType()).isEqualTo(Type.HINFO));
    }

    @Test
    void otherOpcodes_andQueriesWithoutAQuestion_getTheirErrors() {
        Message update = Message.newQuery(Record.newRecord(name("gridpbx.test"), Type.SOA, DClass.IN));
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertThat(authority.answer(update).getRcode()).isEqualTo(Rcode.NOTIMP);

        Message empty = new Message(4711);
        Message answer = authority.answer(empty);
        assertThat(answer.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(answer.getHeader().getID()).isEqualTo(4711);
    }

    @Test
    void theOperatorsTransportOrder_andNoSipsWhenNoNodeHasTls() {
        roster.set(new LiveNodes.Roster(List.of(UDP_TCP_ONLY), 2));
        ZoneAuthority tcpFirst = authority(roster, List.of(SipTransport.TLS, SipTransport.TCP, SipTransport.UDP));
        Message answer = tcpFirst.answer(Message.newQuery(Record.newRecord(name("acme.demo.gridpbx.test"),
                Type.NAPTR, DClass.IN)));
        assertThat(records(answer, Section.ANSWER)).map(r -> ((NAPTRRecord) r).getService())
                .containsExactly("SIP+D2T", "SIP+D2U");
    }

    @Test
    void theZoneForTransfers_startsWithItsSoa() {
        List<Record> zone = authority.zone(name("office.demo.gridpbx.test")).orElseThrow();
        assertThat(zone.getFirst()).isInstanceOf(SOARecord.class);
        assertThat(zone).filteredOn(r -> r.getType() == Type.NS).hasSize(2);
        assertThat(authority.zone(name("demo.gridpbx.test"))).isEmpty();
        assertThat(authority.zone(name("example.com"))).isEmpty();
    }

    private Message ask(String name, int type) {
        Message query = Message.newQuery(Record.newRecord(name(name), type, DClass.IN));
        Message answer = authority.answer(query);
        assertThat(answer.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(answer.getHeader().getFlag(Flags.QR)).isTrue();
        return answer;
    }

    static List<Record> records(Message message, int section) {
        return message.getSection(section);
    }

    static Name name(String text) {
        return ZoneContent.absolute(text);
    }
}
