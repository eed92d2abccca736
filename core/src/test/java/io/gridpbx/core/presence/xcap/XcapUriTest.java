package io.gridpbx.core.presence.xcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.location.AddressOfRecord;
import org.junit.jupiter.api.Test;

class XcapUriTest {

    private static final AddressOfRecord ALICE = AddressOfRecord.parse("alice@office.example");

    @Test
    void aUsersDocument_withItsXuiAsWritten() throws Exception {
        XcapUri uri = XcapUri.parse("/xcap/resource-lists/users/sip:alice@office.example/index");

        assertThat(uri).isEqualTo(new XcapUri(Auid.RESOURCE_LISTS, ALICE, "index"));
        assertThat(uri.path()).isEqualTo("/xcap/resource-lists/users/sip:alice@office.example/index");
    }

    @Test
    void aPercentEncodedXui_namesTheSameDocument_andTheDomainIsCaseInsensitive() throws Exception {
        assertThat(XcapUri.parse("/xcap/rls-services/users/sip%3Aalice%40Office.Example/index"))
                .isEqualTo(new XcapUri(Auid.RLS_SERVICES, ALICE, "index"));
    }

    @Test
    void theStoreKey_goesBothWays() throws Exception {
        XcapUri uri = XcapUri.parse("/xcap/rls-services/users/sips:alice@office.example/buddies.v2");

        assertThat(uri.key()).isEqualTo("rls-services|alice@office.example|buddies.v2");
        assertThat(XcapUri.ofKey(uri.key())).isEqualTo(uri);
    }

    @Test
    void aNodeSelector_is501_sinceOnlyWholeDocumentsAreServed() {
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/index/~~/resource-lists/list%5B@name=%22a%22%5D",
                501);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/index/~~/", 400);
    }

    @Test
    void unknownUsagesTreesAndShapes_are404() {
        assertRefused("/xcap/pres-rules/users/sip:alice@office.example/index", 404);
        assertRefused("/xcap/resource-lists/global/index", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/dir/index", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/index/", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/..", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example/%2e%2e", 404);
        assertRefused("/other/resource-lists/users/sip:alice@office.example/index", 404);
        assertRefused("/xcap/resource-lists/users/" + "a".repeat(3000) + "/index", 404);
    }

    @Test
    void anXuiThatIsNoSipAddressOfRecord_is404() {
        assertRefused("/xcap/resource-lists/users/alice@office.example/index", 404);
        assertRefused("/xcap/resource-lists/users/tel:+15551234/index", 404);
        assertRefused("/xcap/resource-lists/users/sip:office.example/index", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@bad_domain!/index", 404);
        assertRefused("/xcap/resource-lists/users/sip:alice@office.example;transport=tcp/index", 404);
    }

    @Test
    void aPathThatCannotBeDecoded_is400() {
        assertRefused("/xcap/resource-lists/users/sip%3alice%4/index", 400);
        assertRefused("/xcap/resource-lists/users/sip%3Aal%FFice@office.example/index", 400);
    }

    private static void assertRefused(String path, int status) {
        assertThatThrownBy(() -> XcapUri.parse(path)).isInstanceOfSatisfying(XcapUriException.class,
                e -> assertThat(e.status()).as(e.reason()).isEqualTo(status));
    }
}
