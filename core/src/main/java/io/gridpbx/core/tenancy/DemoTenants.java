package io.gridpbx.core.tenancy;

/**
 * The demo data a node creates at first start on an empty store, as documented in the README:
 * two resellers, three clients and their users, each with the password {@code pass<extension>}.
 */
public final class DemoTenants {

    public static final String PLATFORM_DOMAIN = "gridpbx.test";

    private DemoTenants() {
    }

    public static void create(TenantProvisioning provisioning) {
        provisioning.createPlatform(PLATFORM_DOMAIN);
        provisioning.createReseller("demo.gridpbx.test", "Demo Reseller", "reseller@demo.gridpbx.test");
        provisioning.createReseller("other.gridpbx.test", "Other Reseller", "reseller@other.gridpbx.test");
        provisioning.createClient("office.demo.gridpbx.test", "Office", "demo.gridpbx.test", "admin@office.demo.gridpbx.test");
        provisioning.createClient("acme.demo.gridpbx.test", "Acme", "demo.gridpbx.test");
        provisioning.createClient("shop.other.gridpbx.test", "Shop", "other.gridpbx.test");
        provisioning.createUserRange("office.demo.gridpbx.test", 200, 20, "pass");
        provisioning.createUserRange("acme.demo.gridpbx.test", 300, 10, "pass");
        provisioning.createUserRange("shop.other.gridpbx.test", 400, 5, "pass");
    }
}
