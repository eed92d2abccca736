package io.gridpbx.core.features;

import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.manage.Numbers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of {@code io.gridpbx.core.trunking.DialPlan}'s constructor as field errors of a
 * {@link ConfigKind#DIAL_PLAN} form, so that a client is told which value makes no plan instead of
 * having its plan dropped when the call path reads it. They are restated here rather than called
 * because trunking reads this package's objects and a call back would make a package cycle;
 * {@code DialPlanFieldsTest} holds both to the same answers.
 */
final class DialPlanFields {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NATIONAL_PREFIX = Pattern.compile("[0-9]{1,3}");
    private static final Pattern INTERNATIONAL_PREFIX = Pattern.compile("[0-9]{1,4}");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,5}");
    private static final Pattern LIST_ITEM = Pattern.compile("[0-9]{1,15}");
    private static final List<String> LISTS = List.of("emergencyNumbers", "tollFreePrefixes", "premiumPrefixes");

    private DialPlanFields() {
    }

    /**
     * Checks the values that got past their field types (a field already wrong keeps its first error)
     * and writes the lists back without spaces or empty items.
     */
    static void check(Map<String, String> values, Errors errors) {
        match(values, errors, "countryCode", COUNTRY_CODE, "dial-plan.country-code", "1 to 3 digits, no leading 0");
        match(values, errors, "nationalPrefix", NATIONAL_PREFIX, "dial-plan.national-prefix", "up to 3 digits");
        match(values, errors, "internationalPrefix", INTERNATIONAL_PREFIX, "dial-plan.international-prefix",
                "1 to 4 digits");
        String area = values.get("areaCode");
        if (area != null) {
            // A wrong or missing national length has its own error: the area code is then judged alone.
            Integer length = errors.has("nationalLength") ? null : Numbers.integer(values.get("nationalLength"), 0);
            errors.check(AREA_CODE.matcher(area).matches() && (length == null || area.length() < Math.max(1, length)),
                    "areaCode", "dial-plan.area-code",
                    "1 to 5 digits, fewer than the national length (none when it varies)");
        }
        for (FieldSpec field : ConfigKind.DIAL_PLAN.fields()) {
            String text = values.get(field.name());
            if (!LISTS.contains(field.name()) || text == null) {
                continue;
            }
            List<String> items = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            errors.check(items.stream().allMatch(item -> LIST_ITEM.matcher(item).matches()), field.name(),
                    "dial-plan.numbers", "numbers of 1 to 15 digits, separated by commas");
            errors.check(!items.isEmpty() || !field.required(), field.name(), "required", "required");
            if (items.isEmpty()) {
                values.remove(field.name());
            } else {
                values.put(field.name(), String.join(",", items));
            }
        }
    }

    private static void match(Map<String, String> values, Errors errors, String name, Pattern rule, String code,
            String message) {
        String text = values.get(name);
        if (text != null) {
            errors.check(rule.matcher(text).matches(), name, code, message);
        }
    }
}
