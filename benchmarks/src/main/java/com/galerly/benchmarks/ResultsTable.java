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
 * <p>Then the real-world variants ({@link VariantsBenchmark}) next to sharp on the same files, the first render in
 * a fresh JVM primed and unprimed ({@link FirstRenderBenchmark}), and the fresh processes run.sh timed
 * ({@code cold.txt}: one line per process, {@code <who> <wall s> <user s> <sys s>}), each with its goal.
 *
 * <pre>{@code
 * // java -cp benchmarks.jar com.galerly.benchmarks.ResultsTable results/jmh.json results/sharp.jsonl \
 * //     results/memory.txt results/cold.txt
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

    /** One fresh process run.sh timed: a line of cold.txt. */
    record ColdRun(String who, double wallSeconds, double cpuSeconds) {
        static ColdRun parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 4) {
                return null;
            }
            try {
                return new ColdRun(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]) + Double.parseDouble(f[3]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsTable JMH.json[,MORE.json] [SHARP.jsonl [MEMORY.txt [COLD.txt [GALERLY-CPU.jsonl]]]]");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (String file : args[0].split(",")) {                // run.sh's JMH runs: jmh.json,jmh-variants.json...
            rows.addAll(jmh(Path.of(file)));
        }
        Map<String, Double> sharp = args.length > 1 && Files.exists(Path.of(args[1])) ? sharp(Path.of(args[1])) : Map.of();
        List<MemoryRun> memory = args.length > 2 && Files.exists(Path.of(args[2])) ? memory(Path.of(args[2])) : List.of();
        List<ColdRun> cold = args.length > 3 && Files.exists(Path.of(args[3])) ? cold(Path.of(args[3])) : List.of();
        Map<String, Double> cpu = args.length > 4 && Files.exists(Path.of(args[4])) ? sharp(Path.of(args[4])) : Map.of();
        System.out.print(render(rows, sharp, memory, cold, cpu));
    }

    /** The lines of cold.txt that parse. */
    static List<ColdRun> cold(Path file) throws IOException {
        List<ColdRun> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ColdRun run = ColdRun.parse(line);
            if (run != null) {
                out.add(run);
            }
        }
        return out;
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

    /**
     * sharp's mean ms per task and thread count: keys "ladder/1", "thumbnail/1", "resize720/1", "ladder/2"; and per
     * file too, "ladder/1/photo-6000x4000-progressive.jpg" (the variants run on several files).
     */
    static Map<String, Double> sharp(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || !line.trim().startsWith("{")) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            out.put(n.get("task").asText() + "/" + n.get("threads").asInt(), n.get("ms").asDouble());
            String name = Path.of(n.path("file").asText("-")).getFileName().toString();
            out.put(n.get("task").asText() + "/" + n.get("threads").asInt() + "/" + name, n.get("ms").asDouble());
            if (n.has("cpuMs")) {
                out.put(n.get("task").asText() + "/" + n.get("threads").asInt() + "/" + name + "/cpu",
                        n.get("cpuMs").asDouble());
            }
            String key = n.get("task").asText() + "/" + n.get("threads").asInt();
            out.put(key + "/bytes", n.path("bytes").asDouble(Double.NaN));
            out.put(key + "/rss", n.path("maxRssMb").asDouble(Double.NaN));
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
        return render(rows, sharp, memory, List.of(), Map.of());
    }

    /**
     * All tables; {@code cpu} is galerly's CPU time per ladder on the variants ({@link CpuTime}, keyed like
     * {@link #sharp}), empty when not measured.
     */
    static String render(List<Row> all, Map<String, Double> sharp, List<MemoryRun> memory, List<ColdRun> cold,
                         Map<String, Double> cpu) {
        List<Row> rows = all.stream().filter(r -> !r.task().startsWith("Variants.")
                && !r.task().startsWith("FirstRender.")).toList();
        List<Row> variants = all.stream().filter(r -> r.task().startsWith("Variants.")).toList();
        List<Row> first = all.stream().filter(r -> r.task().startsWith("FirstRender.")).toList();
        StringBuilder out = new StringBuilder();
        boolean gc = rows.stream().anyMatch(r -> !Double.isNaN(r.allocMb()));
        if (!rows.isEmpty()) {
            out.append("| task | source | implementation | time | vs thumbnailator-file | vs sharp |")
                    .append(gc ? " alloc MB/op |" : "").append('\n');
            out.append("|---|---|---|---|---|---|").append(gc ? "---|" : "").append('\n');
        }
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
        StringBuilder goals = new StringBuilder(goals(byTask, sharp, memory));
        if (!variants.isEmpty()) {
            out.append(out.length() > 0 ? "\n" : "").append(variants(variants, sharp, cpu, goals));
        }
        if (!first.isEmpty() || !cold.isEmpty()) {
            out.append(out.length() > 0 ? "\n" : "").append(coldStart(first, cold, goals));
        }
        out.append('\n').append(goals);
        return out.toString();
    }

    /** A variant's name from its source: "generated:6000x4000-progressive" is "progressive", the plain one "baseline". */
    static String variant(String source) {
        int dash = source.indexOf('-', source.indexOf(':') + 1);
        return dash < 0 ? "baseline" : source.substring(dash + 1);
    }

    /**
     * The variants table, galerly and sharp on the same files, wall time (JMH; sharp's mean) and, when measured, CPU
     * time per ladder on both sides; adds the variant goals to {@code goals}, judged on the CPU-time ratio when there
     * is one (it holds under other processes' load, the wall ratio does not), else on the wall ratio.
     */
    private static String variants(List<Row> rows, Map<String, Double> sharp, Map<String, Double> cpu,
                                   StringBuilder goals) {
        boolean cpus = !cpu.isEmpty();
        StringBuilder v = new StringBuilder("| ladder (1 thread) | file | galerly | sharp | galerly / sharp |"
                + (cpus ? " galerly CPU | sharp CPU | CPU ratio |" : "") + " goal |\n|---|---|---|---|---|"
                + (cpus ? "---|---|---|" : "") + "---|\n");
        for (Row r : rows) {
            boolean webp = r.task().endsWith(".webp");
            String name = variant(r.source());
            if (webp && !name.equals("baseline")) {
                continue;                     // the WebP ladder is measured on the baseline file only
            }
            String file = fixtureName(r.source());
            String key = (webp ? "ladder-webp" : "ladder") + "/1/" + file;
            Double s = file == null ? null : sharp.get(key);
            Double gc = cpu.get(key + "/cpu");
            Double sc = sharp.get(key + "/cpu");
            Double cpuRatio = gc != null && sc != null ? gc / sc : null;
            double limit = webp ? 1.0 : name.equals("baseline") ? 0.6 : 0.8;
            String what = webp ? "WebP ladder, quality 80" : name.equals("baseline") ? "baseline JPEG" : name;
            v.append("| ").append(what).append(" | ").append(file == null ? r.source() : file).append(" | ")
                    .append(time(r)).append(" | ").append(s == null ? "not run" : fmt(s) + " ms").append(" | ")
                    .append(s == null ? "" : ratio(r.score() / s)).append(" |");
            if (cpus) {
                v.append(' ').append(gc == null ? "" : fmt(gc) + " ms").append(" | ")
                        .append(sc == null ? "" : fmt(sc) + " ms").append(" | ")
                        .append(cpuRatio == null ? "" : ratio(cpuRatio)).append(" |");
            }
            v.append(" <= ").append(ratio(limit)).append(" |\n");
            if (s != null || cpuRatio != null) {
                String goal = (webp ? "WebP ladder (quality 80), 1 thread: <= 1.0x sharp" : name.equals("baseline")
                        ? "baseline ladder, 1 thread: <= 0.6x sharp" : "ladder on the " + name + " photo, 1 thread: "
                        + "<= 0.8x sharp") + " (" + r.source();
                if (cpuRatio != null) {
                    goal(goals, goal + "; CPU time; wall: " + (s == null ? "not run" : ratio(r.score() / s)) + ")",
                            cpuRatio, limit);
                } else {
                    goal(goals, goal + ")", r.score() / s, limit);
                }
            }
        }
        return v.toString();
    }

    /** The fixture file name of a generated source, or null for a path. */
    private static String fixtureName(String source) {
        if (!source.startsWith("generated:")) {
            return Path.of(source).getFileName().toString();
        }
        String spec = source.substring("generated:".length());
        String name = variant(source);
        String size = spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec;
        return name.equals("baseline") ? "photo-" + size + "-q90.jpg"
                : "photo-" + size + "-" + name + (name.equals("png") ? ".png" : ".jpg");
    }

    /** The first render in a fresh JVM, primed and not, and the fresh processes' medians; adds the cold goal. */
    private static String coldStart(List<Row> first, List<ColdRun> cold, StringBuilder goals) {
        StringBuilder c = new StringBuilder();
        if (!first.isEmpty()) {
            c.append("| first render of the 24 MP ladder in a fresh JVM | source | time (mean of forks) |\n"
                    + "|---|---|---|\n");
            for (Row r : first) {
                String primed = r.source().contains("primed=true") ? "primed as the SnapStart hook does (3 sample "
                        + "ladders), then the photo" : "unprimed: the photo is the JVM's first render";
                c.append("| ").append(primed).append(" | ").append(r.source().replace("primed=true", "")
                        .replace("primed=false", "").trim()).append(" | ").append(time(r)).append(" |\n");
            }
        }
        if (!cold.isEmpty()) {
            Map<String, List<ColdRun>> byWho = new LinkedHashMap<>();
            cold.forEach(r -> byWho.computeIfAbsent(r.who(), k -> new ArrayList<>()).add(r));
            List<ColdRun> sharpRuns = byWho.get("sharp");
            double sharpWall = sharpRuns == null ? Double.NaN : median(sharpRuns, true);
            double sharpCpu = sharpRuns == null ? Double.NaN : median(sharpRuns, false);
            if (c.length() > 0) {
                c.append('\n');
            }
            c.append("| fresh process, one 24 MP ladder | runs | wall (median) | CPU user+sys (median) | wall vs sharp "
                    + "| CPU vs sharp |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<String, List<ColdRun>> e : byWho.entrySet()) {
                double wall = median(e.getValue(), true);
                double cpu = median(e.getValue(), false);
                c.append("| ").append(e.getKey()).append(" | ").append(e.getValue().size()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f s", wall)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f s", cpu)).append(" | ")
                        .append(Double.isNaN(sharpWall) ? "" : ratio(wall / sharpWall)).append(" | ")
                        .append(Double.isNaN(sharpCpu) ? "" : ratio(cpu / sharpCpu)).append(" |\n");
            }
            List<ColdRun> launcher = byWho.get("galerly");
            if (launcher != null && sharpRuns != null) {
                goal(goals, "fresh process, one 24 MP ladder (the galerly launcher): <= 1.3x sharp's fresh node "
                        + "process, wall (CPU: " + ratio(median(launcher, false) / sharpCpu) + ")",
                        median(launcher, true) / sharpWall, 1.3);
            }
        }
        return c.toString();
    }

    private static double median(List<ColdRun> runs, boolean wall) {
        double[] v = runs.stream().mapToDouble(r -> wall ? r.wallSeconds() : r.cpuSeconds()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
                    goal(g, "ladder, 1 thread: <= 0.6x sharp (" + name + ")", galerly.score() / s, 0.6);
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
