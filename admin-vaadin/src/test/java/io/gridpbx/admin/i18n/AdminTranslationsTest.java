package io.gridpbx.admin.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.FieldSpec;
import io.gridpbx.core.features.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AdminTranslationsTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AdminTranslations.class.getResourceAsStream("messages_" + language + ".properties");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndFrench_haveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("fr").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void everyKeyTheSourcesUse_isInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:getTranslation|translate|Fields\\.(?:text|email|password)\\(\"[^\"]+\",)\\s*\\(?\"([a-z0-9.-]+)\"");
        // Buttons and links take their id first (a literal or a computed one), then the key of their text.
        Pattern secondArgument = Pattern.compile("(?:Buttons\\.\\w+|CsvLink\\.of|\\.action|translate)\\(\\s*[^,()]*,\\s*\"([a-z0-9.-]+)\"");
        Pattern firstArgument = Pattern.compile("new DidAssignBar\\(\"([a-z0-9.-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(literal, secondArgument, firstArgument)) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        if (!matcher.group(1).endsWith(".")) { // a prefix completed at run time, e.g. "level." + level
                            used.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyConfigurationKind_hasItsTitleFieldLabelsAndChoices_inBothLanguages() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (ConfigKind kind : ConfigKind.values()) {
            needed.add("kind." + kind.path());
            for (FieldSpec field : kind.fields()) {
                needed.add("field." + field.name());
                field.choices().stream().filter(choice -> !choice.matches("[A-Z]{3}")) // currency codes stay as they are
                        .forEach(choice -> needed.add("choice." + choice));
            }
        }
        for (FieldType type : FieldType.values()) {
            if (type != FieldType.TEXT && type != FieldType.INTEGER && type != FieldType.BOOLEAN && type != FieldType.CHOICE) {
                needed.add("config.type." + type.name().toLowerCase(Locale.ROOT));
            }
        }
        for (String section : List.of("telephony", "calls", "offer", "provisioning", "features", "mine", "settings")) {
            needed.add("nav.group." + section);
        }
        assertThat(bundle("en").stringPropertyNames()).containsAll(needed);
        assertThat(bundle("fr").stringPropertyNames()).containsAll(needed);
        assertThat(bundle("fr").getProperty("kind.ring-groups")).isEqualTo("Groupes d’appel");
    }

    @Test
    void patternsWithArguments_haveNoStraightApostrophe() throws IOException {
        // MessageFormat would swallow it (and what follows): French uses the typographic one.
        for (String language : new String[] {"en", "fr"}) {
            Properties bundle = bundle(language);
            assertThat(bundle.stringPropertyNames()).filteredOn(k -> bundle.getProperty(k).contains("{0}"))
                    .allSatisfy(k -> assertThat(bundle.getProperty(k)).as(language + " " + k).doesNotContain("'"));
        }
    }

    @Test
    void translates_withArguments_andFallsBackToEnglishForOtherLocales() {
        AdminTranslations translations = new AdminTranslations();
        assertThat(translations.getTranslation("status.registered", Locale.FRENCH, 2)).isEqualTo("enregistré (2)");
        assertThat(translations.getTranslation("status.registered", Locale.GERMAN, 2)).isEqualTo("registered (2)");
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void unknownErrorCode_fallsBackToTheServicesEnglishMessage() {
        assertThat(ErrorTexts.of(io.gridpbx.core.manage.FieldError.of("x", "brand.new", "as the service says"), Locale.FRENCH))
                .isEqualTo("as the service says");
        assertThat(ErrorTexts.of(io.gridpbx.core.manage.FieldError.of("x", "email.invalid", "not an email address"), Locale.FRENCH))
                .isEqualTo("Adresse de courriel invalide");
    }
}
