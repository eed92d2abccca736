package io.gridpbx.admin.signin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.gridpbx.admin.security.PublicView;
import io.gridpbx.core.access.SignIn;

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
@Route("forgot-password")
@PublicView
class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    final EmailField email = new EmailField(getTranslation("field.email"));
    final Button send = new Button(getTranslation("forgot.send"));
    final Paragraph sent = new Paragraph(getTranslation("forgot.sent"));

    ForgotPasswordView(SignIn service) {
        addClassName("sign-in-page");
        setAlignItems(Alignment.CENTER);
        email.setId("email");
        send.setId("send-reset");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(click -> {
            service.forgotPassword(email.getValue());
            sent.setVisible(true);
        });
        sent.setId("reset-sent");
        sent.setVisible(false);
        RouterLink back = new RouterLink(getTranslation("forgot.back"), SignInView.class);
        back.setId("back-to-sign-in");
        VerticalLayout card = new VerticalLayout(new H1(getTranslation("forgot.title")),
                new Paragraph(getTranslation("forgot.intro")), email, send, sent, back);
        card.addClassName("sign-in-card");
        card.setWidth("22rem");
        email.setWidthFull();
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · GridPBX";
    }
}
