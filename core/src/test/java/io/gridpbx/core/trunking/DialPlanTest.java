package io.gridpbx.core.trunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialPlanTest {

    private static final DialPlan MONTREAL = new DialPlan("1", "1", "011", 10, "514", List.of("911"),
            List.of("1800", "1888"), List.of("1900"));
    private static final DialPlan FRANCE = DialPlan.fromSettings(Map.of("countryCode", "33", "nationalPrefix", "0",
            "internationalPrefix", "00", "nationalLength", "9", "emergencyNumbers", "112, 15,17,18",
            "premiumPrefixes", "338"));

    @Test
    void northAmericanDialling_becomesE164WithItsClass() {
        assertThat(MONTREAL.normalize("5145551234")).contains(new DialledNumber("5145551234", "15145551234", NumberClass.LOCAL));
        assertThat(MONTREAL.normalize("1 (418) 555-1234")).contains(new DialledNumber("14185551234", "14185551234", NumberClass.NATIONAL));
        assertThat(MONTREAL.normalize("555-1234")).contains(new DialledNumber("5551234", "15145551234", NumberClass.LOCAL));
        assertThat(MONTREAL.normalize("011442071234567")).map(DialledNumber::kind).contains(NumberClass.INTERNATIONAL);
        assertThat(MONTREAL.normalize("+442071234567")).map(DialledNumber::e164).contains("442071234567");
        assertThat(MONTREAL.normalize("18005551234")).map(DialledNumber::kind).contains(NumberClass.TOLL_FREE);
        assertThat(MONTREAL.normalize("19005551234")).map(DialledNumber::kind).contains(NumberClass.PREMIUM);
        assertThat(MONTREAL.normalize("911")).contains(new DialledNumber("911", "911", NumberClass.EMERGENCY));
    }

    @Test
    void frenchDialling_withItsOwnPrefixes() {
        assertThat(FRANCE.normalize("01 23 45 67 89")).contains(new DialledNumber("0123456789", "33123456789", NumberClass.NATIONAL));
        assertThat(FRANCE.normalize("0015145551234")).contains(new DialledNumber("0015145551234", "15145551234", NumberClass.INTERNATIONAL));
        assertThat(FRANCE.normalize("0836123456")).map(DialledNumber::kind).contains(NumberClass.PREMIUM);
        assertThat(FRANCE.normalize("15")).map(DialledNumber::kind).contains(NumberClass.EMERGENCY);
        assertThat(FRANCE.normalize("112")).map(DialledNumber::kind).contains(NumberClass.EMERGENCY);
    }

    @Test
    void whatIsNoNumber_isEmpty() {
        for (String typed : List.of("", "12", "abc", "51455512", "*72", "1-800-FLOWERS", "+0123456789", "+12",
                "0".repeat(21))) {
            assertThat(MONTREAL.normalize(typed)).as(typed).isEmpty();
        }
    }

    @Test
    void aPlanThatCannotWork_isRefusedNamingTheValue() {
        assertThatThrownBy(() -> DialPlan.fromSettings(Map.of("countryCode", "0", "internationalPrefix", "00",
                "nationalLength", "9"))).hasMessageContaining("country code");
        assertThatThrownBy(() -> DialPlan.fromSettings(Map.of("countryCode", "33", "internationalPrefix", "00",
                "nationalLength", "9", "emergencyNumbers", "112,1x"))).hasMessageContaining("'1x'");
        assertThatThrownBy(() -> DialPlan.fromSettings(Map.of("countryCode", "33", "internationalPrefix", "00",
                "nationalLength", "99"))).hasMessageContaining("national length");
    }
}
