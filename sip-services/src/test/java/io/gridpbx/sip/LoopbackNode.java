package io.gridpbx.sip;

import io.gridpbx.core.auth.DigestAlgorithm;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.sip.jain.JainSipServer;
import io.gridpbx.sip.overload.OverloadSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A real JAIN-SIP node on 127.0.0.1 with the demo tenants, over in-memory doubles of the grid
 * (tenant directory, bindings, dialogs): the unit under test is the SIP side, not the grid.
 */
final class LoopbackNode implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String OFFICE = "office.demo.gridpbx.test";
    static final String ACME = "acme.demo.gridpbx.test";

    final int port;
    final JainSipServer server;
    final InMemoryTenantDirectory directory;
    final SynchronizedBindingStore bindings;
    final InMemoryDialogRegistry dialogs;

    private LoopbackNode(int port, JainSipServer server, InMemoryTenantDirectory directory,
            SynchronizedBindingStore bindings, InMemoryDialogRegistry dialogs) {
        this.port = port;
        this.server = server;
        this.directory = directory;
        this.bindings = bindings;
        this.dialogs = dialogs;
    }

    /** The cluster secret of every loopback node, so that a test can mint nonces the node accepts. */
    static final byte[] NONCE_SECRET = "a cluster secret for tests only".getBytes(StandardCharsets.UTF_8);

    /** Starts a node offering MD5 then SHA-256 (the order of the 401) with the default registrar limits. */
    static LoopbackNode start(int port) {
        return start(port, Clock.systemUTC(), OverloadSettings.DEFAULTS);
    }

    /** As {@link #start(int)}, on its own clock and overload settings. */
    static LoopbackNode start(int port, Clock clock, OverloadSettings overload) {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        DemoTenants.create(new TenantProvisioning(directory));
        SynchronizedBindingStore bindings = new SynchronizedBindingStore(new InMemoryBindingStore(clock));
        InMemoryDialogRegistry dialogs = new InMemoryDialogRegistry();
        NonceService nonces = new NonceService(NONCE_SECRET,
                clock, new SplittableRandom(port), Duration.ofMinutes(5));
        SipNodeSettings settings = new SipNodeSettings(HOST, port, HOST, "it-" + port, 4,
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), RegistrationPolicy.DEFAULTS);
        JainSipServer server = JainSipServer.start(settings, overload, directory, bindings, dialogs, nonces, clock);
        return new LoopbackNode(port, server, directory, bindings, dialogs);
    }

    SipCounters counters() {
        return server.counters();
    }

    List<Binding> contactsOf(String user, String domain) {
        return bindings.lookup(new AddressOfRecord(user, domain));
    }

    @Override
    public void close() {
        server.close();
    }
}
