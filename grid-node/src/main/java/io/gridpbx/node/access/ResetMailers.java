package io.gridpbx.node.access;

import io.gridpbx.core.access.ResetMailer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Password-reset delivery: by SMTP when {@code spring.mail.host} is set, otherwise in the operator's log. */
public final class ResetMailers {

    private static final Logger LOG = LoggerFactory.getLogger(ResetMailers.class);

    private ResetMailers() {
    }

    public static ResetMailer choose(@Nullable JavaMailSender smtp, String linkBase, String from) {
        if (smtp == null) {
            return (email, language, token) -> LOG.warn(
                    "password reset for {} (no SMTP configured: give the person this link) {}", email, link(linkBase, token));
        }
        return (email, language, token) -> {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(email);
            boolean french = "fr".equals(language);
            mail.setSubject(french ? "Réinitialisation du mot de passe GridPBX" : "GridPBX password reset");
            mail.setText((french ? "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 30 minutes) :\n"
                    : "To choose a new password, open this link (valid for 30 minutes):\n") + link(linkBase, token));
            try {
                smtp.send(mail);
                LOG.info("password reset mailed to {}", email);
            } catch (MailException e) {
                LOG.warn("could not mail the password reset to {} ({}); link: {}", email, e.getMessage(), link(linkBase, token));
            }
        };
    }

    static String link(String base, String token) {
        return base.replaceAll("/+$", "") + "/reset-password?token=" + token;
    }
}
