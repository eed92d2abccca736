package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventHeaderTest {

    @Test
    void bareType_hasNoId() {
        assertThat(EventHeader.parse("presence")).isEqualTo(new EventHeader("presence", null));
    }

    @Test
    void typeIsLowerCasedAndIdKeptAsGiven() {
        assertThat(EventHeader.parse("Presence ; id=Ab42")).isEqualTo(new EventHeader("presence", "Ab42"));
    }

    @Test
    void quotedId_isUnquoted() {
        assertThat(EventHeader.parse("dialog;id=\"42\"")).isEqualTo(new EventHeader("dialog", "42"));
    }

    @Test
    void templatePackage_keepsItsDottedParts() {
        assertThat(EventHeader.parse("presence.winfo")).isEqualTo(new EventHeader("presence.winfo", null));
    }

    @Test
    void otherParameters_areIgnored() {
        assertThat(EventHeader.parse("dialog;call-id=abc;from-tag=x;include-session-description;id=7"))
                .isEqualTo(new EventHeader("dialog", "7"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "pres ence", ".presence", "presence.", "presence..winfo", "presence;id=",
            "presence;id", "presence;id=\"\"", "presence;id=a b", "presence;=x", "presence;;id=1", "pres\"ence",
            ";id=1"})
    void malformedHeader_isRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventHeader.parse(value));
    }

    @Test
    void headerOver256Characters_isRefusedButOneOf256IsRead() {
        String base = "presence;x=";
        String exactly256 = base + "y".repeat(256 - base.length());

        assertThat(EventHeader.parse(exactly256)).isEqualTo(new EventHeader("presence", null));
        assertThatIllegalArgumentException().isThrownBy(() -> EventHeader.parse(exactly256 + "y"))
                .withMessage("Event Header Too Long");
    }

    @Test
    void render_roundTrips() {
        for (String value : new String[] {"presence", "dialog;id=42", "presence.winfo;id=a-b.c"}) {
            EventHeader header = EventHeader.parse(value);
            assertThat(header.render()).isEqualTo(value);
            assertThat(EventHeader.parse(header.render())).isEqualTo(header);
        }
    }
}
