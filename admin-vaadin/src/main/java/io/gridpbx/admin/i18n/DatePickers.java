package io.gridpbx.admin.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the screen's language. The component formats dates by its locale, but names months
 * and weekdays in English unless told: the JDK knows them in every language, so it tells them.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker of(String id, String label, Locale screen) {
        Locale locale = AdminTranslations.supported(screen);
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        DatePicker picker = new DatePicker(label);
        picker.setId(id);
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12));
        // DateFormatSymbols puts an empty name at index 0 and starts the week on Sunday, as the picker does.
        i18n.setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8));
        i18n.setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8));
        // A language alone has no region, hence no first day of the week: France's and the United States'.
        Locale region = locale.equals(Locale.FRENCH) ? Locale.FRANCE : Locale.US;
        i18n.setFirstDayOfWeek(WeekFields.of(region).getFirstDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1);
        i18n.setToday(I18NProvider.translate(locale, "date.today"));
        i18n.setCancel(I18NProvider.translate(locale, "action.cancel"));
        picker.setI18n(i18n);
        return picker;
    }
}
