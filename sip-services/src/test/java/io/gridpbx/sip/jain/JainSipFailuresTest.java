package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javax.sip.SipException;
import org.junit.jupiter.api.Test;

class JainSipFailuresTest {

    @Test
    void aSendWhoseConnectionIsGone_isTheSendersDeparture_notAFailure() {
        assertThat(JainSipFailures.senderUnreachable(new SipException("send failed", new IOException("reset")))).isTrue();
        assertThat(JainSipFailures.senderUnreachable(new SipException("Connection refused"))).isTrue();
        assertThat(JainSipFailures.senderUnreachable(raisedIn("gov.nist.javax.sip.stack.KeyedSemaphore",
                "leaveIOCriticalSection"))).as("the RI's NIO transport releasing a lock it no longer holds").isTrue();
    }

    @Test
    void anythingElse_isAFailure() {
        assertThat(JainSipFailures.senderUnreachable(new SipException("no route"))).isFalse();
        assertThat(JainSipFailures.senderUnreachable(new IllegalStateException("bug"))).isFalse();
        assertThat(JainSipFailures.senderUnreachable(raisedIn("io.gridpbx.sip.jain.JainSipProxy", "forward")))
                .as("a lock misused anywhere else").isFalse();
    }

    private static IllegalMonitorStateException raisedIn(String className, String method) {
        IllegalMonitorStateException e = new IllegalMonitorStateException();
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.concurrent.locks.ReentrantLock", "unlock", null, -1),
            new StackTraceElement(className, method, null, -1)});
        return e;
    }
}
