package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Thousands of mutated REGISTER, INVITE and SUBSCRIBE requests ({@link SipMutator}) over UDP and
 * TCP to a real JAIN-SIP node; between batches, and at the end, the node must answer a valid
 * OPTIONS, and at the end a real REGISTER, with no request whose handling threw.
 *
 * <p>The run prints its seed; {@code -Dgridpbx.fuzz.seed=N} replays it, {@code -Dgridpbx.fuzz.messages=N}
 * sets its length (10,000 by default, bounded to 45 s). A batch after which the node stops answering
 * is written to {@code target/fuzz/} with the seed and each message's index.
 */
@Timeout(120)
class SipFuzzIT {

    private static final int NODE_PORT = 41476;
    private static final int BATCH = 250;
    private static final Duration PROBE_WAIT = Duration.ofSeconds(10);
    private static final Duration BUDGET = Duration.ofSeconds(45);
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** The seed a plain run uses (20,000 messages of it passed when the suite was written). */
    private static final long DEFAULT_SEED = 424242;

    @Test
    void mutatedRequestsOverUdpAndTcp_leaveTheNodeServing() throws IOException {
        // CI runs a fixed seed, so a red run is the code's doing and replays exactly; a developer explores
        // with -Dgridpbx.fuzz.seed=random (a random seed 13580140728136 found a rare
        // IllegalMonitorStateException inside the RI's TCP handling of a mangled REGISTER; see the note).
        String given = System.getProperty("gridpbx.fuzz.seed", Long.toString(DEFAULT_SEED));
        long seed = "random".equals(given) ? System.nanoTime() : Long.parseLong(given);
        int total = Integer.getInteger("gridpbx.fuzz.messages", 10000);
        System.out.println("SipFuzzIT seed=" + seed + " messages=" + total + " (replay: -Dgridpbx.fuzz.seed=" + seed + ")");
        ListAppender<ILoggingEvent> log = captureLogs();
        long start = System.nanoTime();
        int sent = 0;
        int reconnects = 0;
        try (RawSip.Udp udp = new RawSip.Udp(NODE_PORT); Stream tcp = new Stream()) {
            while (sent < total && System.nanoTime() - start < BUDGET.toNanos()) {
                int batchStart = sent;
                for (; sent < Math.min(total, batchStart + BATCH); sent++) {
                    boolean overTcp = sent % 3 == 2;
                    byte[] message = SipMutator.message(seed, sent, overTcp ? "TCP" : "UDP");
                    if (overTcp) {
                        reconnects += tcp.send(message);
                    } else if (message.length < 65000) {
                        udp.send(SipMutator.withSentByPort(message, udp.localPort()));
                    }
                }
                if (!answersOptions(udp)) {
                    Path dump = dumpBatch(seed, batchStart, sent);
                    throw new AssertionError("node stopped answering after messages " + batchStart + ".." + (sent - 1)
                            + " of seed " + seed + " (written to " + dump.toAbsolutePath() + ")");
                }
            }
        } finally {
            detach(log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SipFuzzIT seed=%d: %d messages in %.1f s, %d TCP reconnects, %d dropped as malformed,"
                + " %d rejections, %d failures%n", seed, sent, seconds, reconnects, node.counters().malformedDropped(),
                node.counters().rejections(), node.counters().failures());

        assertThat(sent).as("messages sent within the budget").isGreaterThanOrEqualTo(Math.min(total, 1000));
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(answersOptions(phone)).as("OPTIONS over UDP after the run").isTrue();
        }
        try (RawSip.Tcp phone = new RawSip.Tcp(NODE_PORT)) {
            String callId = "after-fuzz-tcp-" + seed;
            phone.send(options(callId, "TCP"));
            assertThat(phone.read(callId, PROBE_WAIT)).as("OPTIONS over TCP after the run").startsWith("SIP/2.0 200 ");
        }
        Sipp.scenario("register.xml", 41477).to(NODE_PORT).service("211").credentials("211", "pass211")
                .key("domain", OFFICE).key("contact", "<sip:211@127.0.0.1:41477>").key("expires", "600")
                .timeout(Duration.ofSeconds(20)).run().assertPassed();
        assertThat(node.contactsOf("211", OFFICE)).hasSize(1);
        assertThat(node.counters().failures()).as("requests whose handling threw (seed " + seed + ")").isZero();
        List<String> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .filter(e -> !answerToAClosedConnection(e))
                .map(e -> e.getLoggerName() + ": " + abbreviated(e.getFormattedMessage())
                        + (e.getThrowableProxy() == null ? "" : " / " + abbreviated(e.getThrowableProxy().getClassName()
                        + ": " + e.getThrowableProxy().getMessage())))
                .toList();
        assertThat(errors).as("errors logged during the run (seed " + seed + ")").isEmpty();
    }

    /**
     * The RI logs at ERROR when it cannot deliver its own automatic answer because the fuzzer's
     * connection is already closed and the Via's sent-by refuses a new one (RFC 3261 section
     * 18.2.2): an I/O outcome of this test's closing connections, not a fault of the node.
     */
    private static boolean answerToAClosedConnection(ILoggingEvent event) {
        for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (cause.getClassName().equals("java.net.ConnectException")
                    || cause.getClassName().equals("java.nio.channels.ClosedChannelException")) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 200 ? String.valueOf(text) : text.substring(0, 200) + "...";
    }

    private static boolean answersOptions(RawSip.Udp udp) throws IOException {
        String callId = "fuzz-probe-" + System.nanoTime();
        return udp.answer(options(callId, "UDP"), callId, PROBE_WAIT)
                .filter(answer -> answer.startsWith("SIP/2.0 200 ")).isPresent();
    }

    private static String options(String callId, String transport) {
        return "OPTIONS sip:127.0.0.1:" + NODE_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=p\r\n"
                + "To: <sip:127.0.0.1:" + NODE_PORT + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static Path dumpBatch(long seed, int from, int to) throws IOException {
        Path dir = Path.of("target", "fuzz");
        Files.createDirectories(dir);
        Path file = dir.resolve("seed-" + seed + "-messages-" + from + "-" + (to - 1) + ".txt");
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            String transport = i % 3 == 2 ? "TCP" : "UDP";
            text.append("=== message ").append(i).append(" over ").append(transport).append(" ===\n")
                    .append(new String(SipMutator.message(seed, i, transport), StandardCharsets.ISO_8859_1)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger("gov.nist")).addAppender(appender);
        ((Logger) LoggerFactory.getLogger("io.gridpbx")).addAppender(appender);
        return appender;
    }

    private static void detach(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger("gov.nist")).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("io.gridpbx")).detachAppender(appender);
    }

    /**
     * One TCP connection at a time, reopened when the node closes it (as it should after a stream it
     * cannot frame); what the node answers is read and thrown away on a daemon thread so that its
     * writes never back up.
     */
    private static final class Stream implements AutoCloseable {

        private Socket socket;

        /** Sends the message, reconnecting once if the node closed the connection; returns the reconnects. */
        int send(byte[] message) throws IOException {
            int reconnects = 0;
            for (int attempt = 0; attempt < 2; attempt++) {
                if (socket == null || socket.isClosed()) {
                    open();
                    reconnects += attempt == 0 && socket != null ? 0 : 1;
                }
                try {
                    socket.getOutputStream().write(SipMutator.withSentByPort(message, socket.getLocalPort()));
                    return reconnects;
                } catch (IOException closedByNode) {
                    socket.close();
                    reconnects++;
                }
            }
            return reconnects;
        }

        private void open() throws IOException {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), NODE_PORT), 2000);
            s.setSoTimeout(0);
            Thread drain = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = s.getInputStream()) {
                    while (in.read(buffer) >= 0) {
                        // answers are not checked here: the probes are
                    }
                } catch (IOException closed) {
                    // connection over
                }
            }, "fuzz-tcp-drain");
            drain.setDaemon(true);
            drain.start();
            socket = s;
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }
}
