package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.voicemail.Wavs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin portal end to end in headless Chromium against a two-node cluster: each level signs in,
 * the platform creates a reseller, a client and a user and logs in as each down the chain and back,
 * a user's do-not-disturb set in the portal on node 1 turns a SIPp call through node 2 into a 486,
 * French labels, and URLs naming another reseller's objects are refused. Screenshots of the main
 * screens go to target/screenshots.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AdminPortalBrowserClusterTest {

    private static final Path RUN_DIR = Path.of("target", "admin-portal").toAbsolutePath();
    private static final int SIP_PORT = 25460;
    private static final NodeProcess.Spec NODE1 = new NodeProcess.Spec("node1", "127.0.0.1", SIP_PORT, 25801, 25481);
    private static final NodeProcess.Spec NODE2 = new NodeProcess.Spec("node2", "127.0.0.2", SIP_PORT, 25801, 25482);
    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final String PASSWORD = "demo-pass";

    private static NodeProcess node1;
    private static NodeProcess node2;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        TestDirs.fresh(RUN_DIR);
        List<String> members = List.of(NODE1.member(), NODE2.member());
        String cluster = "admin-portal-" + ProcessHandle.current().pid();
        node1 = NodeProcess.start(NODE1, members, cluster, "admin-portal-operator", RUN_DIR);
        node2 = NodeProcess.start(NODE2, members, cluster, "admin-portal-operator", RUN_DIR);
        node1.awaitUp(Duration.ofSeconds(120));
        node2.awaitUp(Duration.ofSeconds(120));
        Eventually.await("two members", Duration.ofSeconds(60), node2::status, s -> s.clusterSize() == 2);
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (NodeProcess node : new NodeProcess[] {node1, node2}) {
            if (node != null) {
                node.requestStop();
                node.awaitExit(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void theRootAddress_leadsToTheSignInPage_andOnceSignedIn_toTheHome() {
        try (Browser browser = Browser.open(url(NODE1))) {
            browser.go("");
            browser.waitUntil("the sign-in page", () -> browser.path().equals("login"));
            assertThat(browser.byId("email").isDisplayed()).isTrue();
            assertThat(browser.pageText()).doesNotContain("Could not navigate");
            browser.screenshot("root-signed-out");
            browser.type("email", "reseller@demo.gridpbx.test").type("password", PASSWORD).click("sign-in");
            browser.waitUntil("the reseller's home", () -> browser.path().equals("clients"));
            browser.go("");
            browser.waitUntil("the reseller's home again", () -> browser.path().equals("clients"));
            assertThat(browser.byId("clients-grid").isDisplayed()).isTrue();
            browser.click("sign-out");
        }
    }

    @Test
    void everyLevelSignsInToItsOwnHome() {
        try (Browser browser = Browser.open(url(NODE1))) {
            signInAndExpect(browser, "admin@gridpbx.test", "resellers", "platform-resellers");
            signInAndExpect(browser, "reseller@demo.gridpbx.test", "clients", "reseller-clients");
            signInAndExpect(browser, "admin@office.demo.gridpbx.test", "users", "client-users");
            signInAndExpect(browser, "202@office.demo.gridpbx.test", "portal", "user-portal");
        }
    }

    @Test
    void everyLevelsScreensRender() {
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "admin@gridpbx.test");
            renders(browser, "gateways", "gateways-grid");
            renders(browser, "routes", "routes-grid");
            renders(browser, "dids", "dids-grid");
            renders(browser, "calls", "calls-grid");
            renders(browser, "reports", "cdrs-grid");
            renders(browser, "audit", "audit-grid");
            renders(browser, "number-ports", "number-ports-grid");
            renders(browser, "config/platform-settings", "save");
            browser.click("sign-out");

            signIn(browser, "reseller@demo.gridpbx.test");
            renders(browser, "routes", "routes-grid");
            renders(browser, "config/billing-profiles", "config-grid");
            renders(browser, "tokens", "tokens-grid");
            browser.click("sign-out");

            signIn(browser, "admin@office.demo.gridpbx.test");
            renders(browser, "config/ring-groups", "config-grid");
            renders(browser, "dids", "dids-grid");
            browser.click("sign-out");

            signIn(browser, "202@office.demo.gridpbx.test");
            renders(browser, "portal/softphone", "new-secret");
            browser.click("new-secret");
            assertThat(browser.byId("softphone-qr").isDisplayed()).isTrue();
            browser.screenshot("user-portal-softphone-qr");
            renders(browser, "config/follow-me", "save");
        }
    }

    private static void renders(Browser browser, String path, String elementId) {
        browser.go(path);
        assertThat(browser.present("not-found")).as(path + " found").isFalse();
        assertThat(browser.byId(elementId).isDisplayed()).as(path + " shows " + elementId).isTrue();
        assertThat(browser.pageText()).as(path).doesNotContain("Exception").doesNotContain("Internal error");
        browser.screenshot("screen-" + path.replace('/', '-'));
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        try (Browser browser = Browser.open(url(NODE1))) {
            browser.go("login").type("email", "reseller@other.gridpbx.test").type("password", "not-it").click("sign-in");
            assertThat(browser.text("sign-in-error")).isNotBlank();
            assertThat(browser.path()).isEqualTo("login");
        }
    }

    @Test
    void platformCreatesResellerClientAndUser_andLogsInAsEachDownTheChainAndBack() {
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "admin@gridpbx.test");
            browser.click("add-reseller").type("realm", "e2e").type("name", "E2E Telecom").type("email", "ops@e2e.test")
                    .type("discount", "5").type("password", "e2e-pass-1").click("save");
            browser.waitUntil("the new reseller in the grid", () -> hasRow(browser, "resellers-grid", "e2e.gridpbx.test"));
            browser.screenshot("platform-reseller-created");

            browser.click("connect-as-e2e.gridpbx.test");
            browser.waitUntil("the reseller's clients", () -> browser.path().equals("clients"));
            browser.click("add-client").type("domain", "lab").type("name", "Lab").type("email", "boss@lab.test")
                    .type("password", "lab-pass-1").click("save");
            browser.waitUntil("the new client in the grid", () -> hasRow(browser, "clients-grid", "lab.e2e.gridpbx.test"));
            browser.screenshot("reseller-client-created");

            browser.click("connect-as-lab.e2e.gridpbx.test");
            browser.waitUntil("the client's users", () -> browser.path().equals("users"));
            browser.click("add-user").type("extension", "500").type("display-name", "Eve Example")
                    .type("sip-password", "eve-secret-1").click("save");
            browser.waitUntil("the new user in the grid", () -> hasRow(browser, "users-grid", "500"));
            browser.screenshot("client-user-created");

            browser.click("connect-as-500");
            browser.waitUntil("the user's portal", () -> browser.path().startsWith("portal"));
            assertThat(browser.text("crumb-current")).as("where the platform admin is now").contains("500");
            assertThat(browser.text("breadcrumb")).contains("e2e.gridpbx.test").contains("lab.e2e.gridpbx.test");
            browser.screenshot("impersonated-user-portal");

            browser.click("crumb-0");
            browser.waitUntil("back at the platform", () -> browser.path().equals("resellers"));
            assertThat(browser.present("crumb-1")).as("no chain left below the platform").isFalse();
        }
    }

    @Test
    void doNotDisturbSetInThePortalOnOneNode_refusesTheNextCallThroughTheOther() throws Exception {
        assertThat(call("before-dnd", "uac_unavailable.xml").exitCode()).as("not registered: 480").isZero();
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "202@office.demo.gridpbx.test");
            browser.go("portal/settings").check("dnd", true).click("save-settings");
            browser.screenshot("user-settings-dnd");
        }
        Sipp.Result afterDnd = call("after-dnd", "uac_busy.xml");
        assertThat(afterDnd.exitCode()).as("486 Do Not Disturb, %s", afterDnd).isZero();
        assertThat(afterDnd.successful()).isEqualTo(1);

        try (Browser browser = Browser.open(url(NODE2))) {
            signIn(browser, "202@office.demo.gridpbx.test");
            browser.go("portal/settings").check("dnd", false).click("save-settings");
        }
        assertThat(call("after-dnd-off", "uac_unavailable.xml").exitCode()).as("DND off again: 480").isZero();
    }

    @Test
    void sipPasswordChangedInThePortalOnOneNode_appliesToTheNextRegisterThroughTheOther() throws Exception {
        assertThat(register("with-old-secret", "203", "pass203").exitCode()).as("old secret before the change").isZero();
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "admin@office.demo.gridpbx.test");
            browser.go("users/203@" + OFFICE).type("sip-password", "new-secret-203").click("save");
            browser.screenshot("client-user-edited");
        }
        Sipp.Result old = register("old-secret-refused", "203", "pass203");
        assertThat(old.successful()).as("the old secret no longer registers, %s", old).isZero();
        Sipp.Result fresh = register("new-secret-accepted", "203", "new-secret-203");
        assertThat(fresh.exitCode()).as("the new secret registers, %s", fresh).isZero();
    }

    @Test
    void aMessageImportedThroughTheApiOnOneNode_isPlayedInThePortalOnTheOther_andHeard() throws Exception {
        String box = "/api/v1/users/202@" + OFFICE + "/voicemails";
        node2.post(box + "?caller=%2B15145550142", "audio/wav", Wavs.pcm(3), "office-client-token");
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "202@" + OFFICE);
            browser.go("portal/voicemail");
            assertThat(hasRow(browser, "voicemail-grid", "+15145550142")).isTrue();
            String id = node1.get(box, "office-client-token").replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

            browser.click("play-" + id);
            // The browser itself fetched and decoded the WAV the node served: it knows its length.
            browser.waitUntil("the player loaded the recording", () -> browser.script("""
                    const a = document.getElementById('voicemail-player');
                    if (a.readyState === 0) { a.load(); }
                    return a.readyState >= 1;""").equals(Boolean.TRUE));
            Object seconds = browser.script("return Math.round(document.getElementById('voicemail-player').duration);");
            assertThat(((Number) seconds).intValue()).isEqualTo(3);
            browser.screenshot("user-voicemail");
        }
        Eventually.await("the message heard, cluster-wide", Duration.ofSeconds(10),
                () -> node2.get(box, "office-client-token"), body -> body.contains("\"heard\":true"));
    }

    @Test
    void frenchLabelsAfterSwitchingLanguage() {
        try (Browser browser = Browser.open(url(NODE1))) {
            browser.go("login").choose("language", "Français");
            browser.waitUntil("French labels on the sign-in page", () -> browser.pageText().contains("Mot de passe"));
            browser.type("email", "admin@office.demo.gridpbx.test").type("password", PASSWORD).click("sign-in");
            browser.waitUntil("the users page", () -> browser.path().equals("users"));
            browser.choose("ui-language", "Français");
            browser.waitUntil("French labels in the portal", () -> browser.pageText().contains("Se déconnecter"));
            assertThat(browser.pageText()).contains("Utilisateurs");
            browser.screenshot("client-users-french");
            browser.choose("ui-language", "English");
        }
    }

    @Test
    void urlsNamingAnotherResellersObjectsAreNotFound() {
        try (Browser browser = Browser.open(url(NODE1))) {
            signIn(browser, "reseller@other.gridpbx.test");
            browser.go("clients/" + OFFICE);
            assertThat(browser.present("not-found")).as("another reseller's client").isTrue();
            browser.go("users/202@" + OFFICE);
            assertThat(browser.present("not-found")).as("another reseller's user").isTrue();
            browser.screenshot("tampered-url-not-found");
            browser.go("clients/shop.other.gridpbx.test");
            assertThat(browser.present("not-found")).as("its own client").isFalse();
        }
    }

    private static void signInAndExpect(Browser browser, String email, String home, String screenshot) {
        signIn(browser, email);
        assertThat(browser.path()).isEqualTo(home);
        browser.screenshot(screenshot);
        browser.click("sign-out");
        browser.waitUntil("back at the sign-in page", () -> browser.path().equals("login"));
    }

    private static void signIn(Browser browser, String email) {
        browser.go("login").type("email", email).type("password", PASSWORD).click("sign-in");
        browser.waitUntil(email + " signed in", () -> !browser.path().equals("login"));
    }

    private static boolean hasRow(Browser browser, String grid, String cellText) {
        return browser.gridRows(grid).stream().anyMatch(row -> row.contains(cellText));
    }

    private static Sipp.Result call(String label, String scenario) throws Exception {
        return Sipp.start(label, scenario, NODE2.host() + ":" + NODE2.sipPort(), List.of(
                "-i", "127.0.0.1", "-p", "25470", "-s", "202", "-key", "domain", OFFICE, "-key", "caller", "201",
                "-au", "201", "-ap", "pass201", "-m", "1", "-timeout", "20s", "-timeout_error"), RUN_DIR)
                .await(Duration.ofSeconds(40));
    }

    private static Sipp.Result register(String label, String user, String secret) throws Exception {
        Path users = RUN_DIR.resolve(label + ".csv");
        Sipp.writeInjectionFile(users, List.of(user + ";[authentication username=" + user + " password=" + secret + "]"));
        return Sipp.start(label, "register.xml", NODE2.host() + ":" + NODE2.sipPort(), List.of(
                "-i", "127.0.0.1", "-p", "25471", "-inf", users.toString(), "-key", "domain", OFFICE,
                "-key", "contact", "127.0.0.1:25479", "-m", "1", "-recv_timeout", "5000", "-timeout", "20s",
                "-timeout_error"), RUN_DIR).await(Duration.ofSeconds(40));
    }

    private static String url(NodeProcess.Spec node) {
        return "http://" + node.host() + ":" + node.httpPort();
    }
}
