package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RlsServicesTest {

    /** RFC 4826 §4.3's example. */
    private static final String EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rls-services xmlns="urn:ietf:params:xml:ns:rls-services"
               xmlns:rl="urn:ietf:params:xml:ns:resource-lists"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
             <service uri="sip:mybuddies@example.com">
              <resource-list>http://xcap.example.com/resource-lists/users/sip:joe@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d</resource-list>
              <packages>
               <package>presence</package>
              </packages>
             </service>
             <service uri="sip:marketing@example.com">
               <list name="marketing">
                 <rl:entry uri="sip:joe@example.com"/>
                 <rl:entry uri="sip:sudhir@example.com"/>
               </list>
               <packages>
                 <package>presence</package>
               </packages>
             </service>
            </rls-services>
            """;

    @Test
    void parse_rfcExample_readsBothKindsOfService() throws BodyException {
        assertThat(RlsServices.parse(bytes(EXAMPLE))).isEqualTo(new RlsServices(List.of(
                new Service("sip:mybuddies@example.com", List.of(), "http://xcap.example.com/resource-lists/users/"
                        + "sip:joe@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d", List.of("presence")),
                new Service("sip:marketing@example.com", List.of(new Entry("sip:joe@example.com", null),
                        new Entry("sip:sudhir@example.com", null)), null, List.of("presence")))));
    }

    @Test
    void roundTrip_keepsEverything() throws BodyException {
        RlsServices services = new RlsServices(List.of(
                new Service("sip:team@pbx.example.com", List.of(new Entry("sip:1001@pbx.example.com", "Ann & Bo")),
                        null, List.of("presence", "dialog")),
                new Service("sip:all@pbx.example.com", List.of(), "https://xcap/x?a=1&b=2", List.of())));

        assertThat(RlsServices.parse(services.toXml())).isEqualTo(services);
    }

    @Test
    void parse_serviceWithBothOrNeither_orBadEntries_isRefused() {
        assertRefused(EXAMPLE.replace("</resource-list>", "</resource-list><list/>"),
                "Malformed rls-services: service needs one list or resource-list");
        assertRefused(EXAMPLE.replaceAll("<resource-list>.*</resource-list>", ""),
                "Malformed rls-services: service needs one list or resource-list");
        assertRefused(EXAMPLE.replace("sip:sudhir@example.com", "https://example.com"),
                "Malformed rls-services: entry https://example.com is not a sip, sips or tel URI");
        assertRefused(EXAMPLE.replace("sip:marketing@example.com", "sip:mybuddies@example.com"),
                "Malformed rls-services: service sip:mybuddies@example.com is listed twice");
        assertThatThrownBy(() -> new Service("sip:s@x", List.of(new Entry("sip:a@b", null)), "http://x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> RlsServices.parse(bytes(xml)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }
}
