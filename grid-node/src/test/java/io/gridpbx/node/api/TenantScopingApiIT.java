package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token never reaches a sibling's subtree: what lies outside its scope is "not found", whatever the method. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class TenantScopingApiIT {

    private static final String SHOP = "/api/v1/clients/shop.other.gridpbx.test";
    private static final String USER_202 = "/api/v1/users/202@office.demo.gridpbx.test";

    @Test
    void resellerCannotReadChangeOrDeleteAnotherResellersClient() {
        assertThat(DEMO_RESELLER.get(SHOP).status()).isEqualTo(404);
        assertThat(DEMO_RESELLER.put(SHOP, """
                {"name":"Taken","email":"thief@demo.example"}""").status()).isEqualTo(404);
        assertThat(DEMO_RESELLER.delete(SHOP).status()).isEqualTo(404);
        assertThat(DEMO_RESELLER.get(SHOP + "/users").status()).isEqualTo(404);

        assertThat(PLATFORM.get(SHOP).json().path("name").asString()).isEqualTo("Shop");
    }

    @Test
    void resellerListsOnlyItsOwnClients() {
        assertThat(DEMO_RESELLER.get("/api/v1/clients?limit=500").json().path("items").valueStream()
                .map(c -> c.path("domain").asString()))
                .contains("office.demo.gridpbx.test").allMatch(domain -> domain.endsWith(".demo.gridpbx.test"));
    }

    @Test
    void otherResellerCannotSeeOrTouchOfficeUsers() {
        assertThat(OTHER_RESELLER.get("/api/v1/clients/office.demo.gridpbx.test/users").status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.get(USER_202).status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.put(USER_202, """
                {"displayName":"Hijacked"}""").status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.delete(USER_202).status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.post("/api/v1/clients/office.demo.gridpbx.test/users", """
                {"extension":"999","displayName":"Mole","sipPassword":"mole-secret"}""").status()).isEqualTo(404);

        assertThat(OFFICE_CLIENT.get(USER_202).json().path("displayName").asString()).isNotEqualTo("Hijacked");
    }

    @Test
    void clientTokenIsBlindToOtherClients() {
        assertThat(OFFICE_CLIENT.get(SHOP).status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.get("/api/v1/clients/acme.demo.gridpbx.test").status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.get("/api/v1/users/301@acme.demo.gridpbx.test").status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.get("/api/v1/resellers/demo.gridpbx.test").status()).isEqualTo(404);
    }
}
