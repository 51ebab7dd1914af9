package dev.enrichment.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark suite's figures. Each scenario writes {@code target/bench/scenario-<id>.json}
 * ({@code {"id", "name", "figures": [{"name", "value", "unit", "target", "met", "baseline"}], "notes"}}); the last
 * benchmark of a run ({@link ResultsTableBenchmark}) builds {@code target/bench/results.json} from every such file,
 * also those other benchmarks wrote in the same shape, and prints the table. Figures are reported, never asserted
 * as timings.
 */
public final class BenchReport {

    static final Path DIR = Path.of("target", "bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {}

    /** {@code -Dbench.scale}: every size of the suite is multiplied by it (1.0, the sizes, by default). */
    public static double scale() {
        String value = System.getProperty("bench.scale", "1.0").trim();
        return value.isEmpty() ? 1.0 : Double.parseDouble(value);
    }

    /**
     * {@code -Dbench.scale.<scenario>}, when given, overrides the run's scale for one scenario (e.g. a long one in a
     * run that must end in time); otherwise the run's scale.
     */
    public static double scale(String scenario) {
        String value = System.getProperty("bench.scale." + scenario, "").trim();
        return value.isEmpty() ? scale() : Double.parseDouble(value);
    }

    /** A size at one scenario's scale, at least {@code min}. */
    public static int scaled(String scenario, int full, int min) {
        return (int) Math.max(min, Math.round(full * scale(scenario)));
    }

    /** A size at the run's scale, at least {@code min}. */
    public static int scaled(int full, int min) {
        return (int) Math.max(min, Math.round(full * scale()));
    }

    public static Scenario scenario(String id, String name) {
        return new Scenario(id, name);
    }

    /** One scenario's figures, written as one file. */
    public static final class Scenario {

        private final String id;
        private final String name;
        private final List<ObjectNode> figures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Scenario(String id, String name) {
            this.id = id;
            this.name = name;
        }

        /** A figure without a target. */
        public Scenario figure(String figure, double value, String unit) {
            return figure(figure, value, unit, null, null, null);
        }

        /**
         * A figure; {@code target} is a readable condition ("<= 11", "< 200 ms"), {@code met} whether the value meets
         * it (null when there is no target), {@code baseline} the old worker's figure for the same thing, if any.
         */
        public Scenario figure(String figure, double value, String unit, String target, Boolean met, Double baseline) {
            ObjectNode node = JSON.createObjectNode();
            node.put("name", figure);
            if (Double.isFinite(value)) {
                node.put("value", round(value));
            } else {
                node.putNull("value");
            }
            node.put("unit", unit);
            if (target == null) {
                node.putNull("target");
            } else {
                node.put("target", target);
            }
            if (met == null) {
                node.putNull("met");
            } else {
                node.put("met", met);
            }
            if (baseline != null) {
                node.put("baseline", round(baseline));
            }
            figures.add(node);
            return this;
        }

        /** A sentence the table prints under the scenario (a plan, how a figure was obtained). */
        public Scenario note(String note) {
            notes.add(note);
            return this;
        }

        /** Writes the scenario's file and prints its figures. */
        public void write() {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", id);
            root.put("name", name);
            ArrayNode list = root.putArray("figures");
            figures.forEach(list::add);
            ArrayNode noteList = root.putArray("notes");
            notes.forEach(noteList::add);
            try {
                Files.createDirectories(DIR);
                JSON.writeValue(DIR.resolve("scenario-" + id + ".json").toFile(), root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println(table(List.of(root)));
        }
    }

    /** Reads every scenario file, writes {@code results.json} and returns the table. */
    static String writeResults() {
        List<JsonNode> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            // only this run's files: a scenario not run this time must not show an old figure
            long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("scenario-.+\\.json"))
                    .filter(f -> f.toFile().lastModified() >= runStarted)
                    .sorted(BenchReport::byScenarioId)
                    .toList()) {
                scenarios.add(JSON.readTree(file.toFile()));
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("date", Instant.now().toString());
            root.put("scale", scale());
            root.set("machine", machine());
            ArrayNode list = root.putArray("scenarios");
            scenarios.forEach(list::add);
            JSON.writeValue(DIR.resolve("results.json").toFile(), root);
            return machineLine(root.get("machine")) + "\n" + table(scenarios);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int byScenarioId(Path a, Path b) {
        return Long.compare(order(a), order(b)) != 0
                ? Long.compare(order(a), order(b))
                : a.getFileName().compareTo(b.getFileName());
    }

    /** Scenario 3 before 10, 4b after 4: by the leading number. */
    private static long order(Path file) {
        String id = file.getFileName().toString().replaceAll("^scenario-|\\.json$", "");
        String digits = id.replaceAll("^(\\d*).*$", "$1");
        return digits.isEmpty() ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static ObjectNode machine() {
        ObjectNode machine = JSON.createObjectNode();
        Runtime runtime = Runtime.getRuntime();
        machine.put("cores", runtime.availableProcessors());
        machine.put("test_jvm_max_memory_mb", runtime.maxMemory() / (1024 * 1024));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("physical_memory_mb", os.getTotalMemorySize() / (1024 * 1024));
        }
        machine.put(
                "jvm",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")");
        try {
            // the machine may be shared: the load when the table was written says how much
            machine.put(
                    "load_average", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException | RuntimeException e) {
            machine.put("load_average", "unknown");
        }
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        return machine;
    }

    private static String machineLine(JsonNode machine) {
        return String.format(
                Locale.ROOT,
                "Benchmark suite, scale %s, %s cores, %s MB RAM, %s, %s, load average %s",
                scale(),
                machine.path("cores").asText(),
                machine.path("physical_memory_mb").asText("?"),
                machine.path("jvm").asText(),
                machine.path("os").asText(),
                machine.path("load_average").asText());
    }

    /** A plain-text table: one block per scenario, one line per figure. */
    static String table(List<JsonNode> scenarios) {
        StringBuilder out = new StringBuilder();
        String format = "| %-62s | %14s | %-12s | %-16s | %-4s | %14s |%n";
        out.append(String.format(
                Locale.ROOT, format, "scenario / figure", "value", "unit", "target", "met", "baseline (old)"));
        for (JsonNode scenario : scenarios) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    "**" + scenario.path("id").asText() + ". "
                            + scenario.path("name").asText() + "**",
                    "",
                    "",
                    "",
                    "",
                    ""));
            for (JsonNode figure : scenario.path("figures")) {
                out.append(String.format(
                        Locale.ROOT,
                        format,
                        figure.path("name").asText(),
                        number(figure.get("value")),
                        figure.path("unit").asText(),
                        figure.path("target").isNull()
                                ? ""
                                : figure.path("target").asText(),
                        figure.path("met").isNull() || figure.path("met").isMissingNode()
                                ? ""
                                : figure.path("met").asBoolean() ? "yes" : "NO",
                        number(figure.get("baseline"))));
            }
            for (JsonNode note : scenario.path("notes")) {
                out.append("    ").append(note.asText().replace("\n", "\n    ")).append('\n');
            }
        }
        return out.toString();
    }

    private static String number(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        double v = value.asDouble();
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static double round(double value) {
        return Math.abs(value) >= 100 ? Math.round(value * 10) / 10.0 : Math.round(value * 1000) / 1000.0;
    }
}
