package io.gridpbx.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserCsvTest {

    @Test
    void parse_readsColumnsByName_inAnyOrder() {
        UserCsv.Parsed parsed = UserCsv.parse("""
                sipPassword,extension,displayName,department
                secret-500,500,Ann Example,Sales
                secret-501,501,"Doe, John",
                """);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).hasSize(2);
        assertThat(parsed.lines().get(0).number()).isEqualTo(2);
        assertThat(parsed.lines().get(0).form().extension()).isEqualTo("500");
        assertThat(parsed.lines().get(0).form().sipPassword()).isEqualTo("secret-500");
        assertThat(parsed.lines().get(0).form().email()).isNull();
        assertThat(parsed.lines().get(1).form().displayName()).isEqualTo("Doe, John");
        assertThat(parsed.lines().get(1).form().department()).isEmpty();
    }

    @Test
    void parse_handlesQuotesCrLfBomAndBlankLines() {
        UserCsv.Parsed parsed = UserCsv.parse("\uFEFFextension,displayName,sipPassword\r\n"
                + "600,\"Say \"\"hi\"\"\",pw-600-long\r\n\r\n601,\"Two\nlines\",pw-601-long\r\n602,Last,pw-602-long");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).extracting(l -> l.form().displayName()).containsExactly("Say \"hi\"", "Two\nlines", "Last");
        assertThat(parsed.lines()).extracting(UserCsv.Line::number).containsExactly(2, 4, 6);
    }

    @Test
    void parse_acceptsSemicolonsFromSpreadsheets() {
        UserCsv.Parsed parsed = UserCsv.parse("extension;displayName;sipPassword\n700;Ann;pw-700-long\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines().getFirst().form().displayName()).isEqualTo("Ann");
    }

    @Test
    void parse_missingRequiredColumn_isAHeaderError() {
        UserCsv.Parsed parsed = UserCsv.parse("extension,displayName\n500,Ann\n");

        assertThat(parsed.lines()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.error().field()).isEqualTo("sipPassword");
            assertThat(e.error().code()).isEqualTo("csv.column-missing");
        });
    }

    @Test
    void parse_unknownColumnAndWrongCellCount_areReported() {
        assertThat(UserCsv.parse("extension,displayName,sipPassword,departement\n").errors())
                .extracting(e -> e.error().code()).containsExactly("csv.column-unknown");
        assertThat(UserCsv.parse("extension,displayName,sipPassword\n500,Ann\n").errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.error().code()).isEqualTo("csv.cells");
                });
    }

    @Test
    void parse_emptyFile_isReported() {
        assertThat(UserCsv.parse("").errors()).extracting(e -> e.error().code()).containsExactly("csv.empty");
    }

    @Test
    void write_quotesWhatNeedsIt_andDefusesFormulas() {
        String csv = UserCsv.write(List.of(Arrays.asList("+200", "=HYPERLINK(\"x\")", "@Ann", "-Lee", null, "en",
                "Sales, EU", "")));

        assertThat(csv).isEqualTo("extension,displayName,firstName,lastName,email,language,department,mac\r\n"
                + "+200,\"'=HYPERLINK(\"\"x\"\")\",'@Ann,'-Lee,,en,\"Sales, EU\",\r\n");
    }

    @Test
    void writtenThenParsed_givesTheSameValues() {
        String csv = UserCsv.write(List.of(Arrays.asList("201", "Émilie \"Mimi\" Durand", "Émilie", "Durand, née Roy",
                "e@x.example", "fr", "R&D", "00:11:22:aa:bb:cc")));
        UserCsv.Parsed parsed = UserCsv.parse(csv.replace("extension,", "sipPassword,extension,").replace("\r\n201,", "\r\npw-201-long,201,"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines().getFirst().form().displayName()).isEqualTo("Émilie \"Mimi\" Durand");
        assertThat(parsed.lines().getFirst().form().mac()).isEqualTo("00:11:22:aa:bb:cc");
        assertThat(parsed.lines().getFirst().form().firstName()).isEqualTo("Émilie");
        assertThat(parsed.lines().getFirst().form().lastName()).isEqualTo("Durand, née Roy");
    }

    @Test
    void parse_firstAndLastNameColumns_standInForTheDisplayName() {
        UserCsv.Parsed parsed = UserCsv.parse("""
                extension,FirstName,lastname,sipPassword
                500,Ann,Lee,secret-500
                """);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines().getFirst().form().firstName()).isEqualTo("Ann");
        assertThat(parsed.lines().getFirst().form().lastName()).isEqualTo("Lee");
        assertThat(parsed.lines().getFirst().form().displayName()).isNull();
    }

    @Test
    void parse_noNameColumnAtAll_isAHeaderError() {
        assertThat(UserCsv.parse("extension,sipPassword\n500,secret-500\n").errors())
                .extracting(e -> e.line() + ":" + e.error().field() + ":" + e.error().code())
                .containsExactly("1:displayName:csv.column-missing");
    }
}
