package io.gridpbx.node.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.provisioning.BlfKey;
import io.gridpbx.core.provisioning.FetchResult;
import io.gridpbx.core.provisioning.PhoneConfig;
import io.gridpbx.core.provisioning.PhoneVendor;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneTemplatesTest {

    private final PhoneTemplates templates = new PhoneTemplates();

    private static PhoneConfig config(PhoneVendor vendor, String displayName, String password) {
        return new PhoneConfig("805ec0a1b201", vendor, "T46U", "201", "201", displayName, password,
                "office.demo.gridpbx.test", 5060, PhoneConfig.DEFAULT_CODECS, "Europe/Paris", "fr",
                List.of(new BlfKey(1, "202", "sip:202@office.demo.gridpbx.test", "Bob & Co")), null);
    }

    @Test
    void aDisplayNameWithALineBreak_cannotAddASettingToAKeyValueFile() {
        String rendered = templates.render(new FetchResult.Config("805ec0a1b201.cfg",
                config(PhoneVendor.YEALINK, "Eve\naccount.1.sip_server.1.address = evil.example", "p"), null));

        assertThat(rendered.lines()).noneMatch(line -> line.startsWith("account.1.sip_server.1.address = evil"));
        assertThat(rendered).contains("lang.gui = French", "account.1.codec.pcmu.priority = 1",
                "linekey.1.label = Bob & Co");
    }

    @Test
    void xmlFiles_escapeWhatTheyCarry() {
        String rendered = templates.render(new FetchResult.Config("805ec0a1b201.xml",
                config(PhoneVendor.SNOM, "A <b> \"c\"", "p&w\"d"), null));

        assertThat(rendered).contains("A &lt;b&gt; &quot;c&quot;", "p&amp;w&quot;d",
                "<fkey idx=\"0\" context=\"1\" label=\"Bob &amp; Co\" perm=\"\">blf sip:202@office.demo.gridpbx.test</fkey>");
    }

    @Test
    void aResellersTemplate_readsItsVariablesAndNothingElse_andABrokenOneFallsBackToTheDefault() {
        String own = templates.render(new FetchResult.Config("805ec0a1b201.cfg", config(PhoneVendor.YEALINK, "Al", "p"),
                "user={{account}} cl={{password.class.name}} x={{nope}}{{#firmwareUrl}}fw{{/firmwareUrl}}"));
        String broken = templates.render(new FetchResult.Config("805ec0a1b201.cfg",
                config(PhoneVendor.YEALINK, "Al", "p"), "{{#unclosed}}"));

        assertThat(own).isEqualTo("user=201 cl= x=");
        assertThat(broken).startsWith("#!version:1.0.0.1").contains("account.1.auth_name = 201");
    }

    @Test
    void withoutAPassword_noPasswordLineIsWritten() {
        String rendered = templates.render(new FetchResult.Config("spa805ec0a1b201.xml",
                config(PhoneVendor.CISCO, "Al", null), null));

        assertThat(rendered).doesNotContain("Password_1_").contains("<Auth_ID_1_>201</Auth_ID_1_>",
                "<Extended_Function_1_>fnc=blf+sd+cp;sub=202@office.demo.gridpbx.test;nme=Bob &amp; Co");
    }
}
