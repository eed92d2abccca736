package io.gridpbx.admin.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.util.Comparator;

/** The REST API tokens that act at the acting scope. */
@Route(value = "tokens", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class TokensView extends VerticalLayout implements HasDynamicTitle {

    final TextField label = Fields.text("token-label", "token.label");
    final Button create = new Button(getTranslation("token.create"));
    final Div secretBox = new Div();
    final Grid<ApiToken> grid = new Grid<>();
    final FormErrors errors = new FormErrors("form-error").bind("label", label);
    private final ApiTokens tokens;

    TokensView(ApiTokens tokens, AdminSettings settings) {
        this.tokens = tokens;
        setSizeFull();
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> create());
        secretBox.setId("token-secret-box");
        grid.setId("tokens-grid");
        grid.addColumn(ApiToken::id).setKey("id").setHeader(getTranslation("token.id")).setAutoWidth(true);
        grid.addColumn(ApiToken::label).setKey("label").setHeader(getTranslation("token.label"));
        grid.addColumn(ApiToken::createdBy).setKey("createdBy").setHeader(getTranslation("token.created-by"));
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), settings.zone(), getLocale())).setKey("createdAt")
                .setHeader(getTranslation("token.created-at"));
        grid.addComponentColumn(this::revokeButton).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        HorizontalLayout form = new HorizontalLayout(label, create);
        form.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("nav.tokens")), new Paragraph(getTranslation("token.help")), form,
                errors.general(), secretBox, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tokens") + " · GridPBX";
    }

    private void create() {
        try {
            ApiTokens.Issued issued = tokens.create(AdminSession.require(), label.getValue());
            errors.clear();
            label.clear();
            TextField secret = new TextField(getTranslation("token.secret"));
            secret.setId("token-secret");
            secret.setValue(issued.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            secretBox.removeAll();
            secretBox.add(new Paragraph(getTranslation("token.once")), secret);
            refresh();
        } catch (ValidationException refused) {
            errors.show(refused, getLocale());
        }
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation("token.revoke"), click -> ConfirmDelete.open(token.label(), () -> {
            try {
                tokens.revoke(AdminSession.require(), token.id());
                Notices.success(getTranslation("token.revoked", token.label()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("notfound.text", token.id()));
            }
            refresh();
        }));
        revoke.setId("revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.list(AdminSession.require()).stream()
                .sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList());
    }
}
