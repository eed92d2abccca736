package io.gridpbx.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' Prometheus rule file parses, each rule is complete, and its expressions name only the
 * metrics the nodes export (a misspelt metric is a rule that never fires).
 */
class PrometheusRulesTest {

    /** Maven runs the tests in the module's directory. */
    private static final Path RULES = Path.of("..", "ops", "prometheus", "gridpbx-alerts.yml");
    private static final Set<String> EXPORTED = Set.of("gridpbx_cluster_members", "gridpbx_registered_addresses",
            "gridpbx_dialogs_active", "gridpbx_calls_forwarded_total", "gridpbx_sip_responses_total",
            "gridpbx_writebehind_backlog", "gridpbx_database_up", "gridpbx_partitions_migrating",
            "gridpbx_node_draining", "gridpbx_alerts_active");
    private static final Pattern METRIC = Pattern.compile("\\bgridpbx_[a-z_]+");

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasANameAnExpressionASeverityAndASummary_andNamesExportedMetricsOnly() throws IOException {
        Map<String, Object> file;
        try (Reader reader = Files.newBufferedReader(RULES)) {
            file = new Yaml().load(reader);
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertThat(groups).isNotEmpty();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            assertThat(group.get("name")).isInstanceOf(String.class);
            List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
            assertThat(rules).as("rules of %s", group.get("name")).isNotEmpty();
            for (Map<String, Object> rule : rules) {
                String name = (String) rule.get("alert");
                assertThat(name).as("alert name in %s", group.get("name")).isNotBlank();
                names.add(name);
                String expr = String.valueOf(rule.get("expr"));
                assertThat(rule.get("expr")).as("expr of %s", name).isNotNull();
                assertThat(expr).as("expr of %s", name).isNotBlank();
                Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
                assertThat(labels).as("labels of %s", name).isNotNull();
                assertThat(labels.get("severity")).as("severity of %s", name).isIn("critical", "warning");
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                assertThat(annotations).as("annotations of %s", name).isNotNull();
                assertThat((String) annotations.get("summary")).as("summary of %s", name).isNotBlank();
                Matcher metrics = METRIC.matcher(expr);
                while (metrics.find()) {
                    assertThat(metrics.group()).as("metric in %s", name).isIn(EXPORTED);
                }
                assertThat(count(expr, '(')).as("parentheses of %s", name).isEqualTo(count(expr, ')'));
            }
        }
        assertThat(names).doesNotHaveDuplicates().contains("GridPbxNodeDown", "GridPbxRegistrationDrop",
                "GridPbxDatabaseDown", "GridPbxWriteBehindBacklog", "GridPbxAlertActive");
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
