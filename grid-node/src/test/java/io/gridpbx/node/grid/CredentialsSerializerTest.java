package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.test.Accessors;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.SipCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsSerializerTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private final SerializationService serialization = serialization();

    @AfterEach
    void shutdown() {
        factory.shutdownAll();
    }

    @Test
    void credentialsComeBackEqual_sharingTheirTenantsRealmAndTheirOwnNames() {
        SipCredentials alice = SipCredentials.fromPassword("alice", "office.example", AddressOfRecord.parse("alice@office.example"), "a-secret");
        SipCredentials bob = SipCredentials.fromPassword("bob", "office.example", AddressOfRecord.parse("bob@office.example"), "b-secret");

        SipCredentials aliceRead = roundTrip(alice);
        SipCredentials bobRead = roundTrip(bob);

        assertThat(aliceRead).isEqualTo(alice);
        assertThat(bobRead).isEqualTo(bob);
        assertThat(aliceRead.realm()).as("one copy of the realm for the tenant's users").isSameAs(bobRead.realm());
        assertThat(aliceRead.owner().domain()).isSameAs(aliceRead.realm());
        assertThat(aliceRead.owner().user()).isSameAs(aliceRead.authUser());
    }

    @Test
    void anOwnerThatDiffersFromTheUserNameKeepsItsOwnParts() {
        SipCredentials device = SipCredentials.fromPassword("desk-7", "office.example", AddressOfRecord.parse("207@branch.example"), "c-secret");

        SipCredentials read = roundTrip(device);

        assertThat(read).isEqualTo(device);
        assertThat(read.owner()).isEqualTo(AddressOfRecord.parse("207@branch.example"));
    }

    private SipCredentials roundTrip(SipCredentials credentials) {
        return serialization.toObject(serialization.toData(credentials));
    }

    private SerializationService serialization() {
        Config config = new Config().setClusterName("credentials-serializer-test");
        GridSerialization.register(config.getSerializationConfig());
        return Accessors.getSerializationService(factory.newHazelcastInstance(config));
    }
}
