package io.gridpbx.node.alerts;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.Condition;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Alert mail: one per transition, to every recipient, tried again when the SMTP server refuses. */
class MailChannelTest {

    /** An SMTP server that refuses the first {@code refusals} mails and keeps the rest. */
    static final class SmtpDouble implements JavaMailSender {
        final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals = new AtomicInteger();

        @Override
        public void send(SimpleMailMessage... messages) {
            if (refusals.getAndDecrement() > 0) {
                throw new MailSendException("421 try again later");
            }
            sent.addAll(List.of(messages));
        }

        @Override
        public MimeMessage createMimeMessage() {
            throw new UnsupportedOperationException("alerts send plain text");
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) {
            throw new UnsupportedOperationException("alerts send plain text");
        }

        @Override
        public void send(MimeMessage... mimeMessages) {
            throw new UnsupportedOperationException("alerts send plain text");
        }
    }

    @Test
    void aRaiseIsMailedToEveryRecipient_afterTheServerRefusedItOnce() {
        SmtpDouble smtp = new SmtpDouble();
        smtp.refusals.set(1);
        Alert alert = Alert.raise(new Condition(AlertKind.DATABASE_UNREACHABLE, "10.0.0.1:5701",
                "not reached in 2 checks", 2), Instant.parse("2026-12-05T23:00:00Z"), "10.0.0.1:5701");
        try (AlertDelivery delivery = new AlertDelivery(List.of(new MailChannel(smtp, "alerts@gridpbx.test",
                List.of("noc@example.com", "oncall@example.com"))), 3, Duration.ofMillis(20))) {
            delivery.deliver(AlertEvent.raised(alert));

            assertTrueEventually(() -> assertThat(smtp.sent).hasSize(1), 10);
        }
        SimpleMailMessage mail = smtp.sent.getFirst();
        assertThat(mail.getTo()).containsExactly("noc@example.com", "oncall@example.com");
        assertThat(mail.getFrom()).isEqualTo("alerts@gridpbx.test");
        assertThat(mail.getSubject()).isEqualTo("[GridPBX] RAISED critical database-unreachable 10.0.0.1:5701");
        assertThat(mail.getText()).contains("detail=not reached in 2 checks").contains("raisedAt=2026-12-05T23:00:00Z")
                .doesNotContain("clearedAt");
    }
}
