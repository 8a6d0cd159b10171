/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one run's JMH JSON (and sharp's JSON lines and the memory checks, when run.sh ran them) into the Markdown
 * tables of the README: per task and implementation the time, the ratio to Thumbnailator (from file) and to sharp,
 * the allocation per operation when {@code -prof gc} ran; the bounded-heap renders; and the performance goals with
 * their measured values, met or not.
 *
 * <pre>{@code
 * // java -cp benchmarks.jar com.galerly.benchmarks.ResultsTable results/jmh.json results/sharp.jsonl results/memory.txt
 * }</pre>
 */
public final class ResultsTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsTable() {
    }

    /** One measured row. */
    record Row(String task, String source, String implementation, double score, double error, String unit,
               double allocMb) {
    }

    /** One bounded-heap render of {@link RenderOnce}: a line of run.sh's memory.txt. */
    record MemoryRun(String implementation, String photo, String heap, boolean ok, String detail, long maxRssKb) {
        private static final Pattern LINE = Pattern.compile(
                "(\\S+)\\s+(\\d+ MP) -Xmx(\\S+): (ok|failed)\\s*(.*?)\\s*(?:maxrss (\\d+) KB)?\\s*");

        static MemoryRun parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return null;
            }
            return new MemoryRun(m.group(1), m.group(2), m.group(3), m.group(4).equals("ok"), m.group(5),
                    m.group(6) == null ? -1 : Long.parseLong(m.group(6)));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsTable JMH.json [SHARP.jsonl [MEMORY.txt]]");
            System.exit(2);
        }
        List<Row> rows = jmh(Path.of(args[0]));
        Map<String, Double> sharp = args.length > 1 && Files.exists(Path.of(args[1])) ? sharp(Path.of(args[1])) : Map.of();
        List<MemoryRun> memory = args.length > 2 && Files.exists(Path.of(args[2])) ? memory(Path.of(args[2])) : List.of();
        System.out.print(render(rows, sharp, memory));
    }

    static List<Row> jmh(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : JSON.readTree(file.toFile())) {
            String benchmark = r.get("benchmark").asText();
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String task = cls.substring(cls.lastIndexOf('.') + 1).replace("Benchmark", "") + "."
                    + benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode params = r.path("params");
            String implementation = params.path("implementation").asText("-");
            List<String> others = new ArrayList<>();
            params.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("implementation")) {
                    others.add(e.getKey().equals("source") ? e.getValue().asText() : e.getKey() + "=" + e.getValue().asText());
                }
            });
            JsonNode primary = r.get("primaryMetric");
            JsonNode metrics = r.path("secondaryMetrics");
            JsonNode alloc = metrics.has("gc.alloc.rate.norm") ? metrics.get("gc.alloc.rate.norm")
                    : metrics.path("\u00b7gc.alloc.rate.norm");
            rows.add(new Row(task, String.join(" ", others), implementation, primary.get("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), primary.get("scoreUnit").asText(),
                    alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble() / (1024 * 1024)));
        }
        return rows;
    }

    /** sharp's mean ms per task and thread count: keys "ladder/1", "thumbnail/1", "resize720/1", "ladder/2". */
    static Map<String, Double> sharp(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || !line.trim().startsWith("{")) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            out.put(n.get("task").asText() + "/" + n.get("threads").asInt(), n.get("ms").asDouble());
            out.put(n.get("task").asText() + "/" + n.get("threads").asInt() + "/bytes", n.get("bytes").asDouble());
            out.put(n.get("task").asText() + "/" + n.get("threads").asInt() + "/rss", n.get("maxRssMb").asDouble());
        }
        return out;
    }

    /** The lines of run.sh's memory.txt that parse; others (a JVM warning, say) are skipped. */
    static List<MemoryRun> memory(Path file) throws IOException {
        List<MemoryRun> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            MemoryRun run = MemoryRun.parse(line);
            if (run != null) {
                out.add(run);
            }
        }
        return out;
    }

    static String render(List<Row> rows, Map<String, Double> sharp, List<MemoryRun> memory) {
        StringBuilder out = new StringBuilder();
        boolean gc = rows.stream().anyMatch(r -> !Double.isNaN(r.allocMb()));
        out.append("| task | source | implementation | time | vs thumbnailator-file | vs sharp |")
                .append(gc ? " alloc MB/op |" : "").append('\n');
        out.append("|---|---|---|---|---|---|").append(gc ? "---|" : "").append('\n');
        Map<String, Map<String, Row>> byTask = new LinkedHashMap<>();
        for (Row r : rows) {
            byTask.computeIfAbsent(r.task() + " " + r.source(), k -> new LinkedHashMap<>()).put(r.implementation(), r);
        }
        for (Map.Entry<String, Map<String, Row>> task : byTask.entrySet()) {
            Row base = task.getValue().get("thumbnailator-file");
            for (Row r : task.getValue().values()) {
                Double s = sharpFor(r, sharp);
                out.append("| ").append(r.task()).append(" | ").append(r.source()).append(" | ")
                        .append(r.implementation()).append(" | ").append(time(r)).append(" | ")
                        .append(base != null && timed(r) ? ratio(r.score() / base.score()) : "").append(" | ")
                        .append(s != null && timed(r) ? ratio(r.score() / s) : "").append(" |");
                if (gc) {
                    out.append(' ').append(Double.isNaN(r.allocMb()) ? "" : fmt(r.allocMb())).append(" |");
                }
                out.append('\n');
            }
            Row galerly = task.getValue().get("galerly");
            Double s = galerly == null ? null : sharpFor(galerly, sharp);
            if (s != null) {
                out.append("| ").append(galerly.task()).append(" | ").append(galerly.source()).append(" | sharp")
                        .append(galerly.task().contains("ladder") ? " (1 thread)" : "").append(" | ")
                        .append(fmt(s)).append(" ms | ").append(base != null ? ratio(s / base.score()) : "")
                        .append(" | 1.00x |").append(gc ? " |" : "").append('\n');
                Double s2 = sharp.get("ladder/2");
                if (galerly.task().endsWith(".ladder") && s2 != null) {
                    out.append("| ").append(galerly.task()).append(" | ").append(galerly.source())
                            .append(" | sharp (2 threads) | ").append(fmt(s2)).append(" ms | ")
                            .append(base != null ? ratio(s2 / base.score()) : "").append(" | ").append(ratio(s2 / s))
                            .append(" |").append(gc ? " |" : "").append('\n');
                }
            }
        }
        if (!memory.isEmpty()) {
            out.append("\n| implementation | photo | heap | result | time | peak RSS |\n|---|---|---|---|---|---|\n");
            for (MemoryRun m : memory) {
                String[] detail = m.detail().split(" ");
                out.append("| ").append(m.implementation()).append(" | ").append(m.photo()).append(" | -Xmx")
                        .append(m.heap()).append(" | ").append(m.ok() ? "ok" : "**failed**: " + m.detail()).append(" | ")
                        .append(m.ok() && detail.length > 0 ? detail[0] + " ms" : "").append(" | ")
                        .append(m.maxRssKb() < 0 ? "" : m.maxRssKb() / 1024 + " MB").append(" |\n");
            }
        }
        out.append('\n').append(goals(byTask, sharp, memory));
        return out.toString();
    }

    private static boolean timed(Row r) {
        return r.unit().endsWith("/op");
    }

    /** sharp's time for the same task on the same file (run.sh runs it on the files JMH used), or null. */
    private static Double sharpFor(Row r, Map<String, Double> sharp) {
        String task = r.task().endsWith(".ladder") ? "ladder" : r.task().endsWith(".thumbnail") ? "thumbnail"
                : r.task().startsWith("Resize720") ? "resize720" : null;
        return task == null ? null : sharp.get(task + "/1");
    }

    /** The goals, each with its measured ratio. */
    private static String goals(Map<String, Map<String, Row>> byTask, Map<String, Double> sharp,
                                List<MemoryRun> memory) {
        StringBuilder g = new StringBuilder("| goal | measured | met |\n|---|---|---|\n");
        for (Map.Entry<String, Map<String, Row>> task : byTask.entrySet()) {
            Map<String, Row> t = task.getValue();
            Row galerly = t.get("galerly");
            if (galerly == null || !timed(galerly)) {
                continue;
            }
            String name = task.getKey();
            Double s = sharpFor(galerly, sharp);
            Row two = t.get("galerly-2t");
            Row file = t.get("thumbnailator-file");
            if (name.contains(".ladder")) {
                if (s != null) {
                    goal(g, "ladder, 1 thread: <= 1.0x sharp (" + name + ")", galerly.score() / s, 1.0);
                }
                if (file != null) {
                    double speedup = file.score() / galerly.score();
                    g.append("| ladder, 1 thread: >= 3x faster than thumbnailator-file (").append(name).append(") | ")
                            .append(String.format(Locale.ROOT, "%.2fx faster", speedup)).append(" | ")
                            .append(speedup >= 3 ? "yes" : "**no**").append(" |\n");
                }
                if (s != null && two != null) {
                    Double s2 = sharp.get("ladder/2");
                    goal(g, "ladder, 2 threads: <= 0.75x sharp (" + name + "; vs sharp on 2 threads: "
                            + (s2 == null ? "not run" : ratio(two.score() / s2)) + ")", two.score() / s, 0.75);
                }
            } else if (s != null) {
                goal(g, galerly.task() + ": <= 1.2x sharp (" + galerly.source() + ")", galerly.score() / s, 1.2);
            }
            if (!Double.isNaN(galerly.allocMb())) {
                double lowestPeer = Double.MAX_VALUE;
                String peer = "";
                for (Row r : t.values()) {
                    if (!r.implementation().startsWith("galerly") && !Double.isNaN(r.allocMb()) && r.allocMb() < lowestPeer) {
                        lowestPeer = r.allocMb();
                        peer = r.implementation();
                    }
                }
                if (!peer.isEmpty()) {
                    g.append("| allocation per op below every Java peer (").append(name).append(") | ")
                            .append(fmt(galerly.allocMb())).append(" MB vs ").append(fmt(lowestPeer)).append(" MB (")
                            .append(peer).append(") | ").append(galerly.allocMb() < lowestPeer ? "yes" : "**no**")
                            .append(" |\n");
                }
            }
        }
        for (MemoryRun m : memory) {
            if (m.implementation().equals("galerly")) {
                g.append("| memory: the ").append(m.photo()).append(" ladder succeeds with -Xmx").append(m.heap())
                        .append(" | ").append(m.ok() ? "ok" : "failed").append(m.maxRssKb() < 0 ? "" : ", peak RSS "
                                + m.maxRssKb() / 1024 + " MB").append(" | ").append(m.ok() ? "yes" : "**no**")
                        .append(" |\n");
            }
        }
        return g.toString();
    }

    private static void goal(StringBuilder g, String what, double ratio, double limit) {
        g.append("| ").append(what).append(" | ").append(ratio(ratio)).append(" | ")
                .append(ratio <= limit ? "yes" : "**no**").append(" |\n");
    }

    private static String time(Row r) {
        String err = Double.isNaN(r.error()) ? "" : " \u00b1 " + fmt(r.error());
        return fmt(r.score()) + err + " " + r.unit();
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2fx", v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
