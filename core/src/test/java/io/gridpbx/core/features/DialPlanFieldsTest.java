package io.gridpbx.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.trunking.DialPlan;
import io.gridpbx.core.trunking.DialledNumber;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client's dial plan is refused, field by field, exactly when the call path could not read it: a plan
 * saved unchecked was dropped by {@code DialPlan.fromSettings} and the client silently dialled as in
 * North America.
 */
class DialPlanFieldsTest {

    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");

    private final FeatureConfig config = new FeatureConfig(new InMemoryConfigStore(), new InMemoryTenantDirectory());

    private static Map<String, String> france() {
        return new HashMap<>(Map.of("countryCode", "33", "nationalPrefix", "0", "internationalPrefix", "00",
                "nationalLength", "9", "emergencyNumbers", "15, 17,18,, 112", "tollFreePrefixes", "33800",
                "premiumPrefixes", "3389"));
    }

    @Test
    void aFrenchPlan_isSaved_itsListsWithoutSpacesOrEmptyItems() {
        ConfigObject saved = config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", france());

        assertThat(config.single(OFFICE, ConfigKind.DIAL_PLAN)).isEqualTo(saved);
        assertThat(saved.values()).containsEntry("emergencyNumbers", "15,17,18,112").containsEntry("countryCode", "33");
    }

    /** What the form saves, the call path reads: no plan is dropped there for a value let through here. */
    @Test
    void whatTheFormSaves_dialPlanReads() {
        Map<String, String> values = france();
        values.putAll(Map.of("nationalLength", "009", "areaCode", "1"));

        DialPlan plan = DialPlan.fromSettings(config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values).values());

        assertThat(plan.emergencyNumbers()).containsExactly("15", "17", "18", "112");
        assertThat(plan.normalize("01 45 55 12 34")).get().extracting(DialledNumber::e164).isEqualTo("33145551234");
    }

    /** Values each rule refuses: the field, its value, the national length beside it, the error code. */
    static Stream<Arguments> refusedValues() {
        return Stream.of(
                arguments("countryCode", "033", "9", "dial-plan.country-code"),
                arguments("countryCode", "1234", "9", "dial-plan.country-code"),
                arguments("countryCode", "3#", "9", "dial-plan.country-code"),
                arguments("nationalPrefix", "0000", "9", "dial-plan.national-prefix"),
                arguments("nationalPrefix", "0*", "9", "dial-plan.national-prefix"),
                arguments("internationalPrefix", "00000", "9", "dial-plan.international-prefix"),
                arguments("internationalPrefix", "00#", "9", "dial-plan.international-prefix"),
                arguments("areaCode", "514", "3", "dial-plan.area-code"),
                arguments("areaCode", "1", "0", "dial-plan.area-code"),
                arguments("areaCode", "123456", "14", "dial-plan.area-code"),
                arguments("areaCode", "5*", "9", "dial-plan.area-code"),
                arguments("emergencyNumbers", "112 15", "9", "dial-plan.numbers"),
                arguments("emergencyNumbers", "112,1234567890123456", "9", "dial-plan.numbers"),
                arguments("tollFreePrefixes", "33800,33*", "9", "dial-plan.numbers"),
                arguments("premiumPrefixes", "3389;3381", "9", "dial-plan.numbers"));
    }

    private static Map<String, String> franceWith(String field, String value, String nationalLength) {
        Map<String, String> values = france();
        values.put(field, value);
        values.put("nationalLength", nationalLength);
        return values;
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void aValueDialPlanRefuses_isAnErrorOnItsField_andNothingIsSaved(String field, String value, String nationalLength,
            String code) {
        assertThatThrownBy(() -> config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored",
                franceWith(field, value, nationalLength)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code)));
        assertThat(config.single(OFFICE, ConfigKind.DIAL_PLAN).values()).isEmpty();
    }

    /** The rules are restated in {@link DialPlanFields}: this holds them to DialPlan's own. */
    @ParameterizedTest
    @MethodSource("refusedValues")
    void whatTheFormRefuses_dialPlanRefusesToo(String field, String value, String nationalLength, String code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DialPlan.fromSettings(franceWith(field, value, nationalLength)));
    }

    @Test
    void everyBadValueOfAPlan_isListed_notJustTheFirst() {
        Map<String, String> values = france();
        values.putAll(Map.of("countryCode", "0", "internationalPrefix", "12345", "premiumPrefixes", "9x"));

        assertThatThrownBy(() -> config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("countryCode", "internationalPrefix", "premiumPrefixes"));
    }

    @Test
    void anAreaCodeIsJudgedAlone_whenTheNationalLengthIsWrong() {
        Map<String, String> values = france();
        values.putAll(Map.of("nationalLength", "15", "areaCode", "1"));

        assertThatThrownBy(() -> config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("nationalLength"));
    }

    /** DialPlan.fromSettings reads the length as one or two digits: "009" or "+10" saved as typed made no plan. */
    @Test
    void aNationalLengthWithALeadingZeroOrPlus_isSavedInDecimal() {
        Map<String, String> values = france();
        values.put("nationalLength", "009");
        assertThat(config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values).values())
                .containsEntry("nationalLength", "9");

        values.put("nationalLength", "+10");
        assertThat(config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values).values())
                .containsEntry("nationalLength", "10");
    }

    @Test
    void emergencyNumbersOfCommasOnly_areNoEmergencyNumbers() {
        Map<String, String> values = france();
        values.put("emergencyNumbers", " , ,");

        assertThatThrownBy(() -> config.update(OFFICE, ConfigKind.DIAL_PLAN, "ignored", values))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("emergencyNumbers", "required")));
    }
}
