package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code ops/kubernetes}, checked offline against the Kubernetes API's
 * own model (fabric8's generated classes): every field must be one the API knows, with the right
 * type, and the pieces must fit together (the StatefulSet's headless Service, selectors, the
 * Hazelcast discovery name, port names). No cluster is needed, and none is available here.
 */
class KubernetesManifestsTest {

    private static final Path MANIFEST = Path.of("..", "ops", "kubernetes", "gridpbx.yaml");
    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            Object parsed = new KubernetesSerialization().unmarshal(in);
            resources = new ArrayList<>();
            if (parsed instanceof Collection<?> many) {
                many.forEach(r -> resources.add((HasMetadata) r));
            } else {
                resources.add((HasMetadata) parsed);
            }
        }
    }

    @Test
    void everyFieldIsOneTheKubernetesApiKnows() {
        assertThat(resources).extracting(HasMetadata::getKind)
                .containsExactly("Namespace", "Secret", "Service", "Service", "StatefulSet");
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : resources) {
            collectUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
        }
        assertThat(unknown).as("fields the API does not know (misspelt or misplaced)").isEmpty();
    }

    @Test
    void aMisspeltOrMisplacedField_isCaught() {
        StatefulSet typo = new KubernetesSerialization().unmarshal("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: x}
                spec:
                  replica: 3
                  template:
                    spec:
                      containers: [{name: x, image: x, port: 80}]
                """, StatefulSet.class);
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(typo, "StatefulSet/x", unknown);
        assertThat(unknown).containsExactlyInAnyOrder("StatefulSet/x.Spec: [replica]",
                "StatefulSet/x.Spec.Template.Spec.Containers[0]: [port]");
    }

    @Test
    void theStatefulSetJoinsThroughItsHeadlessService_andItsSelectorsMatch() {
        StatefulSet set = only(StatefulSet.class);
        Service headless = resources.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(set.getSpec().getServiceName())).findFirst().orElseThrow();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(set.getSpec().getSelector().getMatchLabels())
                .isEqualTo(set.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(headless.getSpec().getSelector());
        Container node = set.getSpec().getTemplate().getSpec().getContainers().getFirst();
        String namespace = set.getMetadata().getNamespace();
        assertThat(node.getArgs()).contains("--gridpbx.cluster.kubernetes-service-dns=" + headless.getMetadata().getName()
                + "." + namespace + ".svc.cluster.local");
        assertThat(headless.getSpec().getPorts()).extracting(p -> p.getPort()).contains(5701);
        assertThat(resources).allSatisfy(r -> assertThat(r.getMetadata().getNamespace() == null
                ? r.getMetadata().getName() : r.getMetadata().getNamespace()).isEqualTo(namespace));
    }

    @Test
    void portNamesAreValidServiceNames_andTheProbesAndDrainUseTheNodesOwnEndpoints() {
        Container node = only(StatefulSet.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        for (ContainerPort port : node.getPorts()) {
            // IANA service names, as the API validates them: at most 15 characters, lower case, digits and '-'
            assertThat(port.getName()).matches("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?").containsPattern("[a-z]");
        }
        assertThat(node.getPorts()).extracting(p -> p.getName()).doesNotHaveDuplicates();
        assertThat(node.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health");
        assertThat(String.join(" ", node.getLifecycle().getPreStop().getExec().getCommand())).contains("gridpbx drain");
        long grace = only(StatefulSet.class).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace).as("the pod waits at least as long as the drain's deadline").isGreaterThanOrEqualTo(600);
    }

    private static <T> T only(Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** Walks the model's getters: a non-empty additionalProperties map is a field the API's schema lacks. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(path + "." + getter.getName(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                Optional.ofNullable((Map<?, ?>) child).filter(m -> !m.isEmpty())
                        .ifPresent(m -> unknown.add(path + ": " + m.keySet()));
            } else {
                collectUnknownFields(child, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }
}
