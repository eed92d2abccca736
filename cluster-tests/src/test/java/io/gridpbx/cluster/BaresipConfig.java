package io.gridpbx.cluster;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The configuration directory of one baresip 1.0 phone ({@code baresip -f <dir>}): a
 * {@code config} for a machine with no sound card and an {@code accounts} line for one
 * GridPBX user. README's softphone paragraph quotes what this writes.
 *
 * @param host          loopback address of the phone: SIP, RTP and its control socket
 * @param sipPort       SIP port (baresip also takes {@code sipPort + 1} for TLS)
 * @param controlPort   {@code ctrl_tcp} port: netstring JSON commands, responses and events
 * @param rtpPorts      RTP port range, {@code first-last}
 * @param user          extension, also the digest user name
 * @param domain        the client's SIP domain
 * @param password      the user's SIP password
 * @param outboundProxy {@code host:port} of the node every request goes through; null to find the nodes the
 *                      way a phone given only its domain does: NAPTR, SRV and A look-ups (RFC 3263)
 * @param transport     {@code udp}, or {@code tls}: the phone registers and sends everything over one TLS
 *                      connection to the node's TLS port, and gets its calls back over it
 * @param dnsServer     {@code host:port} of the DNS servers the phone asks (comma-separated, in order); null for
 *                      the machine's
 */
record BaresipConfig(String host, int sipPort, int controlPort, String rtpPorts, String user, String domain,
        String password, @Nullable String outboundProxy, String transport, @Nullable String dnsServer) {

    BaresipConfig(String host, int sipPort, int controlPort, String rtpPorts, String user, String domain,
            String password, String outboundProxy, String transport) {
        this(host, sipPort, controlPort, rtpPorts, user, domain, password, outboundProxy, transport, null);
    }

    /** A phone on UDP given only its domain and a DNS server: it finds the nodes by NAPTR, SRV and A. */
    static BaresipConfig byDns(String host, int sipPort, int controlPort, String rtpPorts, String user, String domain,
            String password, String dnsServer) {
        return new BaresipConfig(host, sipPort, controlPort, rtpPorts, user, domain, password, null, "udp", dnsServer);
    }

    /** A phone on UDP. */
    BaresipConfig(String host, int sipPort, int controlPort, String rtpPorts, String user, String domain,
            String password, String outboundProxy) {
        this(host, sipPort, controlPort, rtpPorts, user, domain, password, outboundProxy, "udp");
    }

    static final String MODULE_PATH = "/usr/lib/baresip/modules";

    /** The modules loaded: no sound card, no video, G.711, driven and read over ctrl_tcp. */
    static final List<String> MODULES = List.of("g711", "ausine", "aubridge", "account", "menu", "ctrl_tcp",
            "rtcpsummary");

    /** The text of {@code config}: {@code key value} lines; what each is for is said here, not in the file. */
    String configFile() {
        return String.join("\n",
                "sip_listen " + host + ":" + sipPort,
                // An IP address here is taken as is (baresip 1.0 net.c): SDP offers this address,
                // so RTP stays on the phone's own loopback address. "lo" would not do: it is looked up
                // as an interface and fails.
                "net_interface " + host,
                "rtp_ports " + rtpPorts,
                // ausine makes a 440 Hz tone, but only at 48 kHz stereo: baresip resamples it to the
                // codec's 8 kHz mono.
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                // An aubridge device with no source on the other side takes the decoded audio and
                // drops it: a player that needs no sound card (baresip 1.0's aufile has no player).
                "audio_player aubridge,nowhere",
                "audio_alert aubridge,nowhere",
                "module_path " + MODULE_PATH,
                "module g711.so",
                "module ausine.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                // Prints a line of RTP counters (packets received and sent) when a call closes.
                "module_app rtcpsummary.so",
                "ctrl_tcp_listen " + host + ":" + controlPort,
                // Only this server is asked (baresip 1.0 otherwise reads /etc/resolv.conf).
                dnsServer == null ? "" : String.join("\n", java.util.Arrays.stream(dnsServer.split(","))
                        .map(server -> "dns_server " + server.strip()).toList()),
                "");
    }

    /** The text of {@code accounts}: one account, every request through the node (a loose route). */
    String accountsFile() {
        String transportParameter = "udp".equals(transport) ? "" : ";transport=" + transport;
        String account = "<sip:" + user + "@" + domain + transportParameter + ">;auth_pass=" + password;
        return outboundProxy == null ? account + "\n"
                : account + ";outbound=\"sip:" + outboundProxy + transportParameter + "\"\n";
    }

    String aor() {
        return user + "@" + domain;
    }
}
