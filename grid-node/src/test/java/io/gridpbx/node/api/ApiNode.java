package io.gridpbx.node.api;

import io.gridpbx.node.GridPbxApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One demo node for all the REST API tests of a run, started at the first of them and closed at the
 * end: its own Hazelcast cluster name and port, SIP port and data directory, so no other test sees it.
 */
final class ApiNode implements BeforeAllCallback {

    static final String OPERATOR_TOKEN = "api-it-operator-token";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiNode.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    static String baseUrl() {
        return Running.instance().baseUrl;
    }

    static <T> T bean(Class<T> type) {
        return Running.instance().context.getBean(type);
    }

    /** The started node; closing it stops the node and removes its data. */
    private static final class Running implements AutoCloseable {

        private static volatile Running current;

        private final ConfigurableApplicationContext context;
        private final Path dataDir;
        private final String baseUrl;

        private Running(ConfigurableApplicationContext context, Path dataDir) {
            this.context = context;
            this.dataDir = dataDir;
            this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        }

        static Running start() {
            try {
                Path dataDir = Files.createTempDirectory("gridpbx-api-it");
                ConfigurableApplicationContext context = new SpringApplicationBuilder(GridPbxApplication.class).run(
                        "--server.port=0", "--gridpbx.sip.host=127.0.0.1", "--gridpbx.sip.port=15180",
                        "--gridpbx.sip.tls-port=0",
                        "--gridpbx.cluster.name=api-it", "--gridpbx.cluster.port=5780",
                        "--gridpbx.data-dir=" + dataDir, "--gridpbx.demo=true",
                        "--gridpbx.api.operator-token=" + OPERATOR_TOKEN);
                current = new Running(context, dataDir);
                return current;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Running instance() {
            if (current == null) {
                throw new IllegalStateException("extend the test with ApiNode");
            }
            return current;
        }

        @Override
        public void close() throws IOException {
            context.close();
            current = null;
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
