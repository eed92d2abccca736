package io.gridpbx.admin.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.core.access.Level;
import org.junit.jupiter.api.Test;

/** "Log in as" down the whole chain, and the breadcrumb back up. */
class ConnectAsTest extends AdminUiTest {

    @Test
    void platformConnectsDownToAUser_andTheBreadcrumbLeadsBack() {
        signIn("admin@gridpbx.test");
        navigate("resellers", com.vaadin.flow.component.Component.class);
        assertThat($(Button.class).id("sign-out").getText()).isEqualTo("Sign out");
        assertThat($(Span.class).id("crumb-current").getText()).isEqualTo("Platform gridpbx.test");

        test(rowButton(grid("resellers-grid"), "connect-as-demo.gridpbx.test")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");
        assertThat($(Span.class).id("crumb-current").getText()).isEqualTo("Reseller demo.gridpbx.test");
        assertThat($(Button.class).id("crumb-0").getText()).isEqualTo("Platform gridpbx.test");

        test(rowButton(grid("clients-grid"), "connect-as-office.demo.gridpbx.test")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("UsersView");
        assertThat($(Button.class).id("crumb-1").getText()).isEqualTo("Reseller demo.gridpbx.test");

        test(rowButton(grid("users-grid"), "connect-as-202")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("PortalHomeView");
        assertThat(AdminSession.require().chain()).hasSize(4);
        assertThat($(Span.class).id("crumb-current").getText()).isEqualTo("User 202@office.demo.gridpbx.test");
        assertThat($(Span.class).id("signed-in-email").getText()).isEqualTo("admin@gridpbx.test");

        test($(Button.class).id("crumb-1")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");
        assertThat(AdminSession.require().scope().level()).isEqualTo(Level.RESELLER);

        test($(Button.class).id("crumb-0")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ResellersView");
        assertThat(AdminSession.require().chain()).hasSize(1);
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().filter(id -> id.startsWith("crumb-")).isPresent());
        assertThat(fixture.access.auditEntries()).extracting(e -> e.action())
                .contains("impersonate", "leave");
    }

    @Test
    void aViewOfAnotherLevel_sendsTheActorHome() {
        signIn("reseller@demo.gridpbx.test");
        navigate("resellers", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientsView");
    }

    @Test
    void signOut_returnsToTheSignInPage() {
        signIn("admin@gridpbx.test");
        navigate("resellers", com.vaadin.flow.component.Component.class);
        test($(Button.class).id("sign-out")).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SignInView");
        assertThat(AdminSession.actor()).isEmpty();
    }

    @Test
    void switchingTheScreensToFrench_relabelsTheFrameAndTheView() {
        signIn("admin@gridpbx.test");
        navigate("resellers", com.vaadin.flow.component.Component.class);
        test($(com.vaadin.flow.component.combobox.ComboBox.class).id("ui-language")).selectItem("Français");

        assertThat($(Button.class).id("sign-out").getText()).isEqualTo("Se déconnecter");
        assertThat($(Button.class).id("add-reseller").getText()).isEqualTo("Ajouter un revendeur");
        assertThat(test(grid("resellers-grid")).getHeaderCell(test(grid("resellers-grid")).getColumnPosition("balance")))
                .isEqualTo("Solde");
        assertThat(test(grid("resellers-grid")).getCellText(0, test(grid("resellers-grid")).getColumnPosition("balance"))
                .replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo("0,00 €");
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String id) {
        return (Grid<Object>) $(Grid.class).id(id);
    }
}
