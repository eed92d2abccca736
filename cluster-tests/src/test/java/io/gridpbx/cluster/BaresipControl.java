package io.gridpbx.cluster;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of baresip's {@code ctrl_tcp} module: commands go out as netstrings
 * ({@code <length>:<json>,}) of {@code {"command", "params", "token"}}; responses (with the same
 * token) and events ({@code REGISTER_OK}, {@code CALL_INCOMING}, {@code CALL_RTCP},
 * {@code CALL_CLOSED}...) come back the same way. Every message received is kept, so an event is
 * found however early it arrived.
 */
final class BaresipControl implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far above any message baresip 1.0 sends (its command responses are cut at a few KB). */
    private static final int MAX_MESSAGE = 1 << 20;

    private final String label;
    private final Socket socket;
    private final OutputStream out;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile Optional<IOException> readFailure = Optional.empty();

    private BaresipControl(String label, Socket socket) throws IOException {
        this.label = label;
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readUntilClosed, "baresip-control-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects to the control port; waits until baresip listens on it, which it does once its
     * modules are loaded, and fails at once when {@code running} says baresip is gone.
     */
    static BaresipControl connect(String label, String host, int port, Duration timeout, BooleanSupplier running)
            throws InterruptedException {
        Socket socket = Eventually.await(label + "'s ctrl_tcp on " + host + ":" + port, timeout, () -> {
            if (!running.getAsBoolean()) {
                throw new AssertionError(label + " exited before it opened its control port");
            }
            Socket candidate = new Socket();
            try {
                candidate.connect(new InetSocketAddress(host, port), 1000);
                return candidate;
            } catch (IOException e) {
                candidate.close();
                throw e;
            }
        }, Socket::isConnected);
        try {
            return new BaresipControl(label, socket);
        } catch (IOException e) {
            throw new AssertionError("could not use " + label + "'s control connection", e);
        }
    }

    /**
     * Runs a command (a long command of baresip's menu, e.g. {@code dial}, {@code accept},
     * {@code hangup}, {@code quit}) and returns its response, whose {@code ok} says whether it ran.
     */
    JsonNode command(String command, String params, Duration timeout) throws IOException, InterruptedException {
        String token = label + "-" + tokens.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("command", command).put("token", token);
        if (!params.isEmpty()) {
            message.put("params", params);
        }
        byte[] json = JSON.writeValueAsBytes(message);
        synchronized (out) {
            out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.write(',');
            out.flush();
        }
        return Eventually.await(label + "'s response to " + command + " " + params, timeout,
                () -> first(m -> m.path("response").asBoolean(false) && token.equals(m.path("token").asString(""))),
                Optional::isPresent).orElseThrow();
    }

    /** Waits for an event of this type (e.g. {@code CALL_ESTABLISHED}) that also satisfies {@code condition}. */
    JsonNode awaitEvent(String type, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        return Eventually.await(label + "'s event " + type + " (events so far: " + eventTypes() + ")", timeout,
                () -> {
                    readFailure.ifPresent(failure -> {
                        throw new IllegalStateException(label + "'s control connection failed", failure);
                    });
                    return first(m -> isEvent(m, type) && condition.test(m));
                }, Optional::isPresent).orElseThrow();
    }

    JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
        return awaitEvent(type, event -> true, timeout);
    }

    /** Waits for the {@code nth} event of a type (1 is the first), for a phone's second call and after. */
    void awaitEvent(String type, int nth, Duration timeout) throws InterruptedException {
        Eventually.await(label + "'s event " + type + " #" + nth + " (events so far: " + eventTypes() + ")", timeout,
                () -> received.stream().filter(m -> isEvent(m, type)).count(), count -> count >= nth);
    }

    /** The types of the events received so far, in order: for failure messages. */
    List<String> eventTypes() {
        return received.stream().filter(m -> m.path("event").asBoolean(false))
                .map(m -> m.path("type").asString("?")).toList();
    }

    private Optional<JsonNode> first(Predicate<JsonNode> match) {
        return received.stream().filter(match).findFirst();
    }

    private static boolean isEvent(JsonNode message, String type) {
        return message.path("event").asBoolean(false) && type.equals(message.path("type").asString(""));
    }

    private void readUntilClosed() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                received.add(JSON.readTree(readNetstring(in)));
            }
        } catch (EOFException closed) {
            // baresip quit, or close() below
        } catch (IOException e) {
            if (!socket.isClosed()) {
                readFailure = Optional.of(e);
            }
        }
    }

    /** One netstring: decimal length, ':', that many bytes, ','. */
    private static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                throw new EOFException();
            }
            if (c < '0' || c > '9' || length > MAX_MESSAGE) {
                throw new IOException("not a netstring length: '" + (char) c + "' after " + length);
            }
            length = length * 10 + (c - '0');
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException();
        }
        if (in.read() != ',') {
            throw new IOException("netstring of " + length + " bytes not ended by ','");
        }
        return payload;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Every message received so far, one a line: for failure messages. */
    String transcript() {
        return received.stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
    }
}
