package io.gridpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.tenancy.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a call between users of one client goes, and the final response when it goes nowhere. */
class CallRouterTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryBindingStore bindings = new InMemoryBindingStore(clock);
    private final CallRouter router = new CallRouter(directory, bindings);
    private SipCredentials alice;

    @BeforeEach
    void demoTenants() {
        DemoTenants.create(new TenantProvisioning(directory));
        alice = directory.credentials("200", OFFICE).orElseThrow();
    }

    @Test
    void calleeInAnotherDomain_isRefusedWith403() {
        register(new AddressOfRecord("300", "acme.demo.gridpbx.test"), new ContactRequest("sip:300@192.0.2.30", null, 1000));

        CalleeResolution resolution = resolve(alice, new AddressOfRecord("300", "acme.demo.gridpbx.test"));

        assertThat(resolution).isEqualTo(new CalleeResolution.Refused(403, "Callee Not In Your Domain"));
    }

    @Test
    void unknownCallee_isRefusedWith404() {
        assertThat(resolve(alice, new AddressOfRecord("299", OFFICE)))
                .isEqualTo(new CalleeResolution.Refused(404, "Not Found"));
    }

    @Test
    void calleeOnDoNotDisturb_isRefusedWith486EvenWhenRegistered() {
        register(BOB, new ContactRequest("sip:201@192.0.2.21", null, 1000));
        User bob = directory.user(BOB).orElseThrow();
        directory.saveUser(bob.withCallSettings(bob.callSettings().withDoNotDisturb(true)),
                directory.credentials("201", OFFICE).orElseThrow());

        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(486, "Do Not Disturb"));
    }

    @Test
    void calleeWithoutContacts_isRefusedWith480() {
        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(480, "Temporarily Unavailable"));
    }

    @Test
    void calleeWhoseContactsExpired_isRefusedWith480() {
        register(BOB, new ContactRequest("sip:201@192.0.2.21", 60, 1000));

        clock.advance(Duration.ofSeconds(61));

        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(480, "Temporarily Unavailable"));
    }

    @Test
    void registeredCallee_getsItsContactsMostPreferredFirst() {
        register(BOB,
                new ContactRequest("sip:201@192.0.2.21;transport=udp", null, 500),
                new ContactRequest("sip:201@192.0.2.22;transport=tcp", null, 1000),
                new ContactRequest("sip:201@192.0.2.23;transport=tls", null, 100));

        CalleeResolution resolution = resolve(alice, BOB);

        assertThat(resolution).isInstanceOfSatisfying(CalleeResolution.Contacts.class, contacts -> {
            assertThat(contacts.callee().addressOfRecord()).isEqualTo(BOB);
            assertThat(contacts.contacts()).extracting(Binding::contactUri).containsExactly(
                    "sip:201@192.0.2.22;transport=tcp",
                    "sip:201@192.0.2.21;transport=udp",
                    "sip:201@192.0.2.23;transport=tls");
        });
    }

    @Test
    void unconditionalForward_resolvesTheTargetInstead_namingWhoForwarded() {
        forward("201", new CallSettings(false, true, "202", null, null, 20));
        register(new AddressOfRecord("202", OFFICE), new ContactRequest("sip:202@192.0.2.22", null, 1000));

        assertThat(resolve(alice, BOB)).isInstanceOfSatisfying(CalleeResolution.Diverted.class, diverted -> {
            assertThat(diverted.by()).isEqualTo(BOB);
            assertThat(diverted.reason()).isEqualTo("unconditional");
            assertThat(diverted.to()).isInstanceOfSatisfying(CalleeResolution.Contacts.class,
                    c -> assertThat(c.callee().extension()).isEqualTo("202"));
        });
    }

    @Test
    void busyAndNoAnswerForwards_areResolvedAhead_andDoNotDisturbCountsAsBusy() {
        forward("201", new CallSettings(false, true, null, "203", "204", 12));
        register(BOB, new ContactRequest("sip:201@192.0.2.21", null, 1000));
        register(new AddressOfRecord("203", OFFICE), new ContactRequest("sip:203@192.0.2.23", null, 1000));

        assertThat(resolve(alice, BOB)).isInstanceOfSatisfying(CalleeResolution.Contacts.class, contacts -> {
            assertThat(contacts.onBusy()).isNotNull();
            assertThat(contacts.onBusy().reason()).isEqualTo("user-busy");
            assertThat(contacts.onNoAnswer()).as("204 has no phone: no use forwarding there").isNull();
            assertThat(contacts.noAnswerSeconds()).isEqualTo(12);
        });

        forward("201", new CallSettings(true, true, null, "203", null, 20));
        assertThat(resolve(alice, BOB)).isInstanceOfSatisfying(CalleeResolution.Diverted.class,
                d -> assertThat(d.reason()).isEqualTo("user-busy"));
    }

    @Test
    void noPhoneRegistered_forwardsAsUnavailable() {
        forward("201", new CallSettings(false, true, null, null, "203", 20));
        register(new AddressOfRecord("203", OFFICE), new ContactRequest("sip:203@192.0.2.23", null, 1000));

        assertThat(resolve(alice, BOB)).isInstanceOfSatisfying(CalleeResolution.Diverted.class,
                d -> assertThat(d.reason()).isEqualTo("unavailable"));
    }

    @Test
    void aForwardingLoop_isRefused482_andChainsAreBounded() {
        forward("201", new CallSettings(false, true, "202", null, null, 20));
        forward("202", new CallSettings(false, true, "201", null, null, 20));
        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(482, "Call Forwarding Loop"));

        forward("202", new CallSettings(false, true, "203", null, null, 20));
        forward("203", new CallSettings(false, true, "204", null, null, 20));
        forward("204", new CallSettings(false, true, "205", null, null, 20));
        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(482, "Too Many Call Forwards"));
    }

    @Test
    void aForwardToANumber_withoutTrunking_isRefused() {
        forward("201", new CallSettings(false, true, "5145551234", null, null, 20));

        assertThat(resolve(alice, BOB)).isEqualTo(new CalleeResolution.Refused(404, "Forward Target Not Reachable"));
    }

    private void forward(String extension, CallSettings settings) {
        User user = directory.user(new AddressOfRecord(extension, OFFICE)).orElseThrow();
        directory.saveUser(user.withCallSettings(settings));
    }

    private void register(AddressOfRecord aor, ContactRequest... contacts) {
        RegisterOutcome outcome = io.gridpbx.core.store.Stages.await(bindings.register(new RegisterRequest(aor,
                List.of(contacts), false, 600, "call-" + aor.user(), 1, "udp:192.0.2.1:5060", "node-a", null),
                RegistrationPolicy.DEFAULTS));
        assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
    }

    private CalleeResolution resolve(io.gridpbx.core.tenancy.SipCredentials caller, AddressOfRecord callee) {
        return io.gridpbx.core.store.Stages.await(router.resolve(caller, callee));
    }
}
