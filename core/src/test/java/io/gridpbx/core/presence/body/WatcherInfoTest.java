package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.presence.body.WatcherInfo.Watcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatcherInfoTest {

    @Test
    void toXml_writesOnePresenceWatcherList() {
        WatcherInfo info = new WatcherInfo("sip:professor@example.net", 0, true,
                List.of(new Watcher("8ajksjda7s", "sip:userA@example.net", "pending", "subscribe", null)));

        assertThat(new String(info.toXml(), StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo" version="0" state="full">
                  <watcher-list resource="sip:professor@example.net" package="presence">
                    <watcher id="8ajksjda7s" status="pending" event="subscribe">sip:userA@example.net</watcher>
                  </watcher-list>
                </watcherinfo>
                """);
    }

    @Test
    void roundTrip_keepsTheWatchersAndEscapesNames() throws BodyException {
        WatcherInfo info = new WatcherInfo("sip:a@example.net", 5, false, List.of(
                new Watcher("w1", "sip:b@example.net", "active", "approved", "\"B\" & <Co>"),
                new Watcher("w2", "sip:c@example.net", "terminated", "rejected", null)));

        assertThat(new String(info.toXml(), StandardCharsets.UTF_8))
                .contains("display-name=\"&quot;B&quot; &amp; &lt;Co&gt;\"");
        assertThat(WatcherInfo.parse(info.toXml())).isEqualTo(info);
    }

    @Test
    void unknownStatusOrEvent_isRefused() {
        assertThatThrownBy(() -> new Watcher("w", "sip:a@b", "sleeping", "subscribe", null))
                .isInstanceOf(IllegalArgumentException.class);
        String xml = new String(new WatcherInfo("sip:a@b", 0, true,
                List.of(new Watcher("w", "sip:c@d", "active", "approved", null))).toXml(), StandardCharsets.UTF_8)
                .replace("approved", "liked");
        assertThatThrownBy(() -> WatcherInfo.parse(bytes(xml)))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.reason())
                        .isEqualTo("Malformed watcherinfo: watcher without id, URI, status or event"));
    }
}
