package io.gridpbx.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): every line must be a
 * HELP or TYPE comment or a sample, every sample must belong to a family whose TYPE came first,
 * and no series may appear twice. A scrape that breaks any rule fails the test with the line.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL
            + ")*,?)?})? (NaN|[+-]Inf|[+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(?: -?[0-9]+)?");
    private static final String[] SUFFIXES = {"_total", "_created", "_count", "_sum", "_bucket", "_max", "_info"};

    private final Map<String, Double> series;

    private PrometheusText(Map<String, Double> series) {
        this.series = series;
    }

    static PrometheusText parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Double> series = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                if (!helped.add(help.group(1))) {
                    throw new AssertionError("line " + number + ": second HELP for " + help.group(1));
                }
            } else if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second TYPE for " + type.group(1));
                }
            } else if (sample.matches()) {
                String name = sample.group(1);
                if (family(name, types) == null) {
                    throw new AssertionError("line " + number + ": sample of a family with no TYPE before it: " + line);
                }
                String key = name + (sample.group(2) == null ? "" : sample.group(2));
                if (series.put(key, Double.parseDouble(sample.group(3).replace("Inf", "Infinity"))) != null) {
                    throw new AssertionError("line " + number + ": series twice: " + key);
                }
            } else if (!line.startsWith("# ")) {
                throw new AssertionError("line " + number + " is not Prometheus text format: " + line);
            }
        }
        return new PrometheusText(series);
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    /** The value of one series, named as printed: {@code gridpbx_sip_responses_total{class="2xx"}}; NaN when absent. */
    double value(String seriesKey) {
        return series.getOrDefault(seriesKey, Double.NaN);
    }

    boolean has(String seriesKey) {
        return series.containsKey(seriesKey);
    }

    /** Whether some series of the metric exists, whatever its labels. */
    boolean hasMetric(String name) {
        return series.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    int size() {
        return series.size();
    }
}
