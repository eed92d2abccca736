package io.gridpbx.admin.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import org.junit.jupiter.api.Test;

class TokensViewTest extends AdminUiTest {

    @Test
    void createShowsTheSecretOnce_andRevokeRemovesTheToken() {
        signIn("admin@office.demo.gridpbx.test");
        TokensView view = navigate(TokensView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);

        test(view.label).setValue("crm sync");
        test(view.create).click();
        String secret = $(TextField.class).id("token-secret").getValue();
        assertThat(fixture.tokens.resolve(secret).orElseThrow().scope()).isEqualTo(Scope.client("office.demo.gridpbx.test"));
        assertThat(test(view.grid).size()).isEqualTo(2);

        String id = fixture.tokens.resolve(secret).orElseThrow().email().substring("token:".length());
        test(rowButton(view.grid, "revoke-" + id)).click();
        roundTrip();
        test($(Button.class).id("confirm-delete")).click();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(fixture.tokens.resolve(secret)).isEmpty();
    }

    @Test
    void blankLabel_isRefusedNextToTheField() {
        signIn("reseller@demo.gridpbx.test");
        TokensView view = navigate(TokensView.class);
        test(view.create).click();
        assertThat(view.errors.shown()).containsEntry("label", "1 to 100 characters");
    }

}
