package io.gridpbx.node.alerts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mails each event to the operator's recipients through the node's SMTP settings ({@code spring.mail.*}). */
final class MailChannel implements AlertChannel {

    private final JavaMailSender smtp;
    private final String from;
    private final List<String> to;

    MailChannel(JavaMailSender smtp, String from, List<String> to) {
        this.smtp = smtp;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "mail " + String.join(",", to);
    }

    @Override
    public void send(AlertEvent event) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to.toArray(String[]::new));
        mail.setSubject("[GridPBX] " + event.summary());
        mail.setText(event.fields().entrySet().stream().filter(e -> e.getValue() != null)
                .map(Map.Entry::toString).collect(Collectors.joining("\n")) + "\n");
        smtp.send(mail);
    }
}
