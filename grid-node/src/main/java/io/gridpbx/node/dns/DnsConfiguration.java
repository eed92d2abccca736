package io.gridpbx.node.dns;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.dns.DnsZones;
import io.gridpbx.core.dns.ZoneSource;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xbill.DNS.Name;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's DNS: its published card, the zones it answers and the server on {@code gridpbx.dns.port}. */
@Configuration(proxyBeanMethods = false)
class DnsConfiguration {

    private static final int DNS_PORT = 53;

    @Bean(destroyMethod = "close")
    LiveNodes liveNodes(HazelcastInstance grid, NodeProperties properties, NodeIdentity identity, Clock clock) {
        SipNode self = new SipNode(identity.advertisedHost(), properties.sip().port(), properties.sip().tlsPort(), 100);
        return new LiveNodes(grid, self, processCpuLoad(), clock);
    }

    @Bean
    ZoneContent zoneContent(NodeProperties properties) {
        return new ZoneContent(ZoneContent.absolute(properties.platformDomain()), properties.dns().ttl(),
                SipTransport.order(properties.dns().transports()));
    }

    @Bean
    ZoneAuthority zoneAuthority(ZoneContent content, TenantDirectory directory, LiveNodes nodes) {
        return new ZoneAuthority(new Zones(content.platform(), directory), content, nodes::roster);
    }

    @Bean
    ZoneSource zoneSource(ZoneAuthority authority) {
        return new ServedZones(authority);
    }

    @Bean
    DnsZones dnsZones(ZoneSource source, TenantDirectory directory, NodeProperties properties) {
        return new DnsZones(source, directory, properties.platformDomain());
    }

    @Bean(destroyMethod = "close")
    DnsService dnsService(NodeProperties properties, ZoneAuthority authority, ZoneContent content, LiveNodes nodes,
            TenantDirectory directory, HazelcastInstance grid) {
        NodeProperties.Dns dns = properties.dns();
        List<InetSocketAddress> secondaries = dns.secondaries().stream().map(DnsConfiguration::secondary).toList();
        ZoneNotifier notifier = new ZoneNotifier(secondaries, () -> zoneNames(content, directory),
                () -> isOldest(grid), content);
        nodes.onChange(notifier::changed);
        if (dns.port() == 0) {
            return new DnsService(Optional.empty());
        }
        Set<InetAddress> transferees = secondaries.stream().map(InetSocketAddress::getAddress)
                .collect(Collectors.toSet());
        return new DnsService(DnsServer.start(new InetSocketAddress(properties.sip().host(), dns.port()), authority,
                from -> from.isLoopbackAddress() || transferees.contains(from)));
    }

    /** The server, when it could bind; closed with the node. */
    record DnsService(Optional<DnsServer> server) implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(DnsServer::close);
        }
    }

    private static List<Name> zoneNames(ZoneContent content, TenantDirectory directory) {
        return Stream.concat(Stream.of(content.platform()), directory.resellers().stream().map(Reseller::realm)
                .flatMap(realm -> directory.clientsOf(realm).stream()).map(Client::domain)
                .map(ZoneContent::absolute)).toList();
    }

    private static boolean isOldest(HazelcastInstance grid) {
        Member oldest = grid.getCluster().getMembers().iterator().next();
        return oldest.localMember();
    }

    /** {@code host[:port]} of a secondary, resolved once at start. */
    static InetSocketAddress secondary(String entry) {
        String text = entry.strip();
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > 0 && text.indexOf(':') == colon;
        String host = hasPort ? text.substring(0, colon) : text;
        int port = DNS_PORT;
        if (hasPort) {
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gridpbx.dns.secondaries: bad port in '" + entry + "'", e);
            }
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("gridpbx.dns.secondaries: cannot resolve '" + host + "'");
        }
        return address;
    }

    /** This process's share of the machine's CPU, 0 to 1; negative while the JVM does not know it yet. */
    private static DoubleSupplier processCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuLoad;
        }
        return () -> -1;
    }
}
