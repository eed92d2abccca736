package io.gridpbx.core.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The key of a binding set: {@code user@domain}, RFC 3261 section 10.2.1. */
class AddressOfRecordTest {

    @Test
    void parse_splitsUserAndDomain() {
        AddressOfRecord aor = AddressOfRecord.parse("200@office.demo.gridpbx.test");

        assertThat(aor.user()).isEqualTo("200");
        assertThat(aor.domain()).isEqualTo("office.demo.gridpbx.test");
    }

    @Test
    void domain_isLowerCased() {
        AddressOfRecord aor = AddressOfRecord.parse("Alice@Office.Demo.GridPBX.test");

        assertThat(aor.domain()).isEqualTo("office.demo.gridpbx.test");
        assertThat(aor).isEqualTo(new AddressOfRecord("Alice", "OFFICE.demo.gridpbx.TEST"));
    }

    @Test
    void user_keepsItsCase() {
        assertThat(AddressOfRecord.parse("Alice@example.com"))
                .isNotEqualTo(AddressOfRecord.parse("alice@example.com"));
    }

    @Test
    void toString_roundTripsThroughParse() {
        AddressOfRecord aor = new AddressOfRecord("alice.smith", "Acme.Demo.GridPBX.test");

        assertThat(aor.toString()).isEqualTo("alice.smith@acme.demo.gridpbx.test");
        assertThat(AddressOfRecord.parse(aor.toString())).isEqualTo(aor);
    }

    @Test
    void userOf64Characters_isAccepted() {
        assertThat(new AddressOfRecord("u".repeat(64), "example.com").user()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "200", "@office.demo.gridpbx.test", "200@", "200@office..gridpbx.test",
            "200@office_demo.gridpbx.test", "200@-office.gridpbx.test", "200@office.gridpbx.test.",
            "200@office gridpbx.test"})
    void malformedText_isRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressOfRecord.parse(text));
    }

    @Test
    void userLongerThan64Characters_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressOfRecord("u".repeat(65), "example.com"));
    }
}
