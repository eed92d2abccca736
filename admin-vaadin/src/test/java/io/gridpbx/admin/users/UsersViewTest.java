package io.gridpbx.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.voicemail.Wavs;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.ProfileChoice;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.tenancy.User;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewTest extends AdminUiTest {

    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");

    @BeforeEach
    void clientAdmin() {
        signIn("admin@office.demo.gridpbx.test");
    }

    private long userCount() {
        return fixture.users.list(OFFICE, "office.demo.gridpbx.test", "", 0, 1).total();
    }

    @Test
    void countsEachUsersVoicemail_newOnesFirst() {
        fixture.voicemails.deposit(OFFICE, "202@office.demo.gridpbx.test", "+15145550100", null, Wavs.pcm(1));
        fixture.voicemails.deposit(OFFICE, "202@office.demo.gridpbx.test", "+15145550101", null, Wavs.pcm(1));

        var grid = test(navigate(UsersView.class).grid);

        assertThat(grid.getCellText(2, grid.getColumnPosition("voicemail"))).isEqualTo("2 new of 2");
        assertThat(grid.getCellText(0, grid.getColumnPosition("voicemail"))).isEmpty();
    }

    @Test
    void listsTheUsers_withTheirLogins() {
        UsersView view = navigate(UsersView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(20);
        assertThat(grid.getCellText(2, grid.getColumnPosition("extension"))).isEqualTo("202");
        assertThat(grid.getCellText(2, grid.getColumnPosition("login"))).isEqualTo("202@office.demo.gridpbx.test");
        assertThat(grid.getCellComponent(2, "status").getElement().getText()).isEqualTo("offline");
    }

    @Test
    void csvImportWithOneBadLine_savesNothing_andReportsTheLine() {
        UsersView view = navigate(UsersView.class);
        String csv = """
                extension,displayName,sipPassword,email,portalPassword,department,mac
                500,Ann Example,secret-500-long,ann@office.example,ann-password,Sales,00:11:22:33:44:55
                501,Bob Example,short,,,Support,
                502,Cid Example,secret-502-long,,,Support,not-a-mac
                """;
        test(view.importPanel.upload).upload("users.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        roundTrip();

        assertThat(userCount()).isEqualTo(20);
        assertThat(view.importPanel.result.getText()).isEqualTo("Nothing imported: 2 problems to fix.");
        var report = test(view.importPanel.report);
        assertThat(report.size()).isEqualTo(2);
        assertThat(report.getCellText(0, report.getColumnPosition("line"))).isEqualTo("3");
        assertThat(report.getCellText(0, report.getColumnPosition("field"))).isEqualTo("sipPassword");
        assertThat(report.getCellText(0, report.getColumnPosition("message"))).isEqualTo("At least 8 characters");
        assertThat(report.getCellText(1, report.getColumnPosition("line"))).isEqualTo("4");
        assertThat(report.getCellText(1, report.getColumnPosition("field"))).isEqualTo("mac");
        assertThat(fixture.signIn.account("ann@office.example")).isEmpty();
    }

    @Test
    void csvImport_duplicatesAndExistingExtensions_areRefused() {
        UsersView view = navigate(UsersView.class);
        view.importPanel.load("""
                extension,displayName,sipPassword
                200,Already There,secret-200-long
                510,First,secret-510-long
                510,Second,secret-510-long
                """);

        assertThat(userCount()).isEqualTo(20);
        assertThat(view.importPanel.report.getListDataView().getItems().map(e -> e.line() + ":" + e.error().code()))
                .containsExactly("2:extension.taken", "4:extension.repeated");
    }

    @Test
    void csvImportOfValidLines_createsThemAll() {
        UsersView view = navigate(UsersView.class);
        view.importPanel.load("""
                extension,displayName,sipPassword,email,portalPassword,language
                500,Ann Example,secret-500-long,ann@office.example,ann-password,fr
                501,Bob Example,secret-501-long,,,
                """);

        assertThat(view.importPanel.result.getText()).isEqualTo("2 users imported.");
        assertThat(userCount()).isEqualTo(22);
        assertThat(test(view.grid).size()).isEqualTo(22);
        assertThat(fixture.signIn.authenticate("ann@office.example", "ann-password").scope())
                .isEqualTo(Scope.user(new AddressOfRecord("500", "office.demo.gridpbx.test")));
    }

    @Test
    void csvExport_hasEveryUserWithoutSecrets() {
        fixture.users.update(OFFICE, new AddressOfRecord("203", "office.demo.gridpbx.test"), new UserForm("203",
                "Desk 203", "", null, null, null, null, null, "Ann", "Lee", null));
        UsersView view = navigate(UsersView.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(view.export).download(out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv.lines()).hasSize(21);
        assertThat(csv.lines().findFirst())
                .hasValue("extension,displayName,firstName,lastName,email,language,department,mac");
        assertThat(csv).contains("202,").contains("202@office.demo.gridpbx.test").doesNotContain("pass202");
        assertThat(csv).contains("\r\n203,Desk 203,Ann,Lee,,en,,\r\n");
    }

    @Test
    void addDialog_createsAUser_andItsRegistrationsShowLive() {
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.extension).setValue("250");
        test(view.editor.displayName).setValue("New Person");
        test(view.editor.sipPassword).setValue("sip-secret-250");
        test(view.editor.mac).setValue("AA-BB-CC-DD-EE-FF");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(21);
        int row = 20;
        assertThat(grid.getCellText(row, grid.getColumnPosition("mac"))).isEqualTo("aa:bb:cc:dd:ee:ff");
    }

    @Test
    void addDialogWithBadFields_showsThemAndSavesNothing() {
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.extension).setValue("200");
        test(view.editor.sipPassword).setValue("x");
        test(view.editor.loginEmail).setValue("202@office.demo.gridpbx.test");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsEntry("extension", "This extension already exists")
                .containsEntry("sipPassword", "At least 8 characters").containsKey("displayName")
                .containsEntry("email", "Another account already signs in with this email");
        assertThat(userCount()).isEqualTo(20);
    }

    private String userProfile(String name) {
        return fixture.config.create(Scope.reseller("demo.gridpbx.test"), ConfigKind.USER_PROFILE,
                Map.of("name", name, "maxCalls", "2")).id();
    }

    @Test
    void addDialog_withNamesAndAProfile_showsThemInTheGrid() {
        userProfile("Standard");
        userProfile("Executive");
        fixture.config.create(Scope.reseller("other.gridpbx.test"), ConfigKind.USER_PROFILE,
                Map.of("name", "Another reseller's", "maxCalls", "1"));
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        roundTrip();

        assertThat(view.editor.profile.getListDataView().getItems().map(ProfileChoice::name))
                .as("the client's reseller's profiles only, by name").containsExactly("Executive", "Standard");
        test(view.editor.extension).setValue("250");
        test(view.editor.firstName).setValue("Zoé");
        test(view.editor.lastName).setValue("Marchand");
        test(view.editor.sipPassword).setValue("sip-secret-250");
        test(view.editor.profile).selectItem("Standard");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isFalse();
        var grid = test(view.grid);
        int row = 20;
        assertThat(grid.getCellText(row, grid.getColumnPosition("firstName"))).isEqualTo("Zoé");
        assertThat(grid.getCellText(row, grid.getColumnPosition("lastName"))).isEqualTo("Marchand");
        assertThat(grid.getCellText(row, grid.getColumnPosition("name"))).isEqualTo("Zoé Marchand");
        assertThat(grid.getCellText(row, grid.getColumnPosition("profile"))).isEqualTo("Standard");
        test(view.search).setValue("marchand");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void addDialogWithATooLongFirstName_showsItOnTheField() {
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        roundTrip();
        test(view.editor.extension).setValue("250");
        test(view.editor.firstName).setValue("x".repeat(101));
        test(view.editor.sipPassword).setValue("sip-secret-250");
        test(view.dialog.save).click();

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.editor.errors.shown()).containsOnly(Map.entry("firstName", "At most 100 characters"));
    }

    @Test
    void editPage_changesTheNameAndTheProfile_andTheDisplayNameFollowsTheName() {
        String standard = userProfile("Standard");
        String executive = userProfile("Executive");
        fixture.users.create(OFFICE, "office.demo.gridpbx.test", new UserForm("250", "", "sip-secret-250", null, null,
                null, null, null, "Ann", "Lee", standard));

        UserView page = navigate("users/250@office.demo.gridpbx.test", UserView.class);
        assertThat(page.editor.firstName.getValue()).isEqualTo("Ann");
        assertThat(page.editor.displayName.getValue()).as("the person's name: blank, so that it follows").isEmpty();
        assertThat(page.editor.profile.getValue().name()).isEqualTo("Standard");
        test(page.editor.lastName).setValue("Park");
        test(page.editor.profile).selectItem("Executive");
        test(page.save).click();

        User saved = fixture.directory.user(new AddressOfRecord("250", "office.demo.gridpbx.test")).orElseThrow();
        assertThat(saved.lastName()).isEqualTo("Park");
        assertThat(saved.displayName()).isEqualTo("Ann Park");
        assertThat(saved.profile()).isEqualTo(executive);
    }

    @Test
    void csvImport_ofFirstAndLastNames_createsUsersNamedAfterThem() {
        UsersView view = navigate(UsersView.class);
        view.importPanel.load("""
                extension,firstName,lastName,sipPassword
                500,Ann,Lee,secret-500-long
                """);

        assertThat(view.importPanel.result.getText()).isEqualTo("1 users imported.");
        User ann = fixture.directory.user(new AddressOfRecord("500", "office.demo.gridpbx.test")).orElseThrow();
        assertThat(ann.displayName()).isEqualTo("Ann Lee");
        assertThat(ann.lastName()).isEqualTo("Lee");
    }

    @Test
    void anotherClientsUserTypedInTheUrl_isNotFound() {
        navigate("users/300@acme.demo.gridpbx.test", UserView.class);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("not-found").isVisible()).isTrue();
    }

}
