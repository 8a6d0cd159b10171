/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's results table: ratios, goals met or not, memory lines, read from what run.sh writes. */
class ResultsTableTest {
    @TempDir
    Path dir;

    private static String result(String benchmark, String implementation, double ms, double allocBytes) {
        return """
                {"benchmark":"com.galerly.benchmarks.%s","params":{"implementation":"%s","source":"generated:6000x4000"},
                 "primaryMetric":{"score":%s,"scoreError":1.5,"scoreUnit":"ms/op"},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s}}}
                """.formatted(benchmark, implementation, ms, allocBytes);
    }

    private String table(String sharpLines, String memoryLines) throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",",
                result("RenditionLadderBenchmark.ladder", "galerly", 400, 100 << 20),
                result("RenditionLadderBenchmark.ladder", "galerly-2t", 300, 110 << 20),
                result("RenditionLadderBenchmark.ladder", "thumbnailator-file", 2000, 900 << 20),
                result("RenditionLadderBenchmark.ladder", "java2d-bicubic", 1200, 90 << 20),
                result("Resize720Benchmark.resize", "galerly", 50, 10 << 20)) + "]");
        Path sharp = Files.writeString(dir.resolve("sharp.jsonl"), sharpLines);
        Path memory = Files.writeString(dir.resolve("memory.txt"), memoryLines);
        return ResultsTable.render(ResultsTable.jmh(jmh), ResultsTable.sharp(sharp), ResultsTable.memory(memory));
    }

    @Test
    void goalsAreJudgedOnRatiosOfTheSameRun() throws IOException {
        String table = table("""
                {"task":"ladder","threads":1,"ms":500,"bytes":3,"maxRssMb":450}
                {"task":"ladder","threads":2,"ms":350,"bytes":3,"maxRssMb":640}
                {"task":"resize720","threads":1,"ms":40,"bytes":3,"maxRssMb":100}
                """, "");

        assertTrue(table.contains("| RenditionLadder.ladder | generated:6000x4000 | galerly | 400 ± 1.5 ms/op | 0.20x | 0.80x | 100 |"), table);
        assertTrue(table.contains("| sharp (2 threads) | 350 ms | 0.18x | 0.70x |"), table);
        assertTrue(table.contains("| ladder, 1 thread: <= 0.6x sharp (RenditionLadder.ladder generated:6000x4000) | 0.80x | **no** |"), table);
        assertTrue(table.contains("| 5.00x faster | yes |"), table);
        assertTrue(table.contains("vs sharp on 2 threads: 0.86x) | 0.60x | yes |"), table);
        assertTrue(table.contains("| Resize720.resize: <= 1.2x sharp (generated:6000x4000) | 1.25x | **no** |"), table);
        assertTrue(table.contains("| 100 MB vs 90.0 MB (java2d-bicubic) | **no** |"), table);
    }

    @Test
    void withoutSharpThereAreNoSharpRatiosAndNoSharpGoals() throws IOException {
        String table = table("", "");

        assertFalse(table.contains("sharp ("), table);
        assertFalse(table.contains("<= 0.6x sharp"), table);
        assertTrue(table.contains("| 5.00x faster | yes |"), table);
    }

    @Test
    void memoryLinesBecomeRowsAndGoals() throws IOException {
        String table = table("", """
                galerly                24 MP -Xmx256m: ok 952 3416309 maxrss 178048 KB
                thumbnailator-file     24 MP -Xmx128m: failed java.lang.OutOfMemoryError: Java heap space maxrss 200000 KB
                OpenJDK 64-Bit Server VM warning: something
                galerly                100 MP -Xmx1g: ok 1213 3402095 maxrss 219596 KB
                """);

        assertTrue(table.contains("| galerly | 24 MP | -Xmx256m | ok | 952 ms | 173 MB |"), table);
        assertTrue(table.contains("| thumbnailator-file | 24 MP | -Xmx128m | **failed**: java.lang.OutOfMemoryError: Java heap space |  | 195 MB |"), table);
        assertTrue(table.contains("| memory: the 100 MP ladder succeeds with -Xmx1g | ok, peak RSS 214 MB | yes |"), table);
        assertFalse(table.contains("memory: the 24 MP ladder succeeds with -Xmx128m"), table);
    }

    @Test
    void memoryLineParsing() {
        ResultsTable.MemoryRun run = ResultsTable.MemoryRun.parse("imgscalr               24 MP -Xmx256m: ok 12788 3176018 maxrss 320476 KB ");
        assertEquals(new ResultsTable.MemoryRun("imgscalr", "24 MP", "256m", true, "12788 3176018", 320476), run);
        assertEquals(-1, ResultsTable.MemoryRun.parse("galerly 24 MP -Xmx128m: ok 900 3416309").maxRssKb());
        assertNull(ResultsTable.MemoryRun.parse("== memory"));
    }

    @Test
    void variantsFirstRenderAndColdStartAreTabledWithTheirGoals() throws IOException {
        String variant = """
                {"benchmark":"com.galerly.benchmarks.VariantsBenchmark.%s","params":{"source":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":1.5,"scoreUnit":"ms/op"}}
                """;
        String first = """
                {"benchmark":"com.galerly.benchmarks.FirstRenderBenchmark.firstRender",
                 "params":{"primed":"%s","source":"generated:6000x4000"},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreUnit":"ms/op"}}
                """;
        Path jmh = Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",",
                variant.formatted("ladder", "generated:6000x4000", 280),
                variant.formatted("ladder", "generated:6000x4000-progressive", 450),
                variant.formatted("ladder", "generated:6000x4000-png", 700),
                variant.formatted("webp", "generated:6000x4000", 900),
                variant.formatted("webp", "generated:6000x4000-progressive", 990),
                first.formatted("false", 2400), first.formatted("true", 500)) + "]");
        Path sharp = Files.writeString(dir.resolve("sharp.jsonl"), """
                {"task":"ladder","file":"/x/photo-6000x4000-q90.jpg","threads":1,"ms":500,"bytes":3,"maxRssMb":450}
                {"task":"ladder","file":"/x/photo-6000x4000-progressive.jpg","threads":1,"ms":500,"bytes":3,"maxRssMb":1}
                {"task":"ladder","file":"/x/photo-6000x4000-png.png","threads":1,"ms":1000,"bytes":3,"maxRssMb":1}
                {"task":"ladder-webp","file":"/x/photo-6000x4000-q90.jpg","threads":1,"ms":1000,"bytes":3,"maxRssMb":1}
                """);
        Path cold = Files.writeString(dir.resolve("cold.txt"), """
                galerly 1.50 1.20 0.10
                galerly 1.30 1.10 0.10
                galerly 1.40 1.00 0.10
                java-jar 3.00 3.00 0.20
                sharp 1.00 0.70 0.10
                sharp 1.10 0.80 0.10
                not a run
                """);
        String table = ResultsTable.render(ResultsTable.jmh(jmh), ResultsTable.sharp(sharp), java.util.List.of(),
                ResultsTable.cold(cold), java.util.Map.of());
        assertTrue(table.contains("| baseline JPEG | photo-6000x4000-q90.jpg | 280 ± 1.5 ms/op | 500 ms | 0.56x | <= 0.60x |"),
                table);
        assertTrue(table.contains("| progressive | photo-6000x4000-progressive.jpg | 450 ± 1.5 ms/op | 500 ms | 0.90x |"),
                table);
        assertTrue(table.contains("| ladder on the progressive photo, 1 thread: <= 0.8x sharp "
                + "(generated:6000x4000-progressive) | 0.90x | **no** |"), table);
        assertTrue(table.contains("| ladder on the png photo, 1 thread: <= 0.8x sharp (generated:6000x4000-png) | 0.70x "
                + "| yes |"), table);
        assertTrue(table.contains("| WebP ladder (quality 80), 1 thread: <= 1.0x sharp (generated:6000x4000) | 0.90x | yes |"),
                table);
        assertFalse(table.contains("| WebP ladder, quality 80 | photo-6000x4000-progressive.jpg"), table);
        assertTrue(table.contains("| unprimed: the photo is the JVM's first render | source=generated:6000x4000 |")
                || table.contains("| unprimed: the photo is the JVM's first render | generated:6000x4000 |"), table);
        assertTrue(table.contains("| galerly | 3 | 1.40 s | 1.20 s | 1.33x | 1.41x |"), table);
        assertTrue(table.contains("| sharp | 2 | 1.05 s | 0.85 s | 1.00x | 1.00x |"), table);
        assertTrue(table.contains("<= 1.3x sharp's fresh node process, wall (CPU: 1.41x) | 1.33x | **no** |"), table);
        assertFalse(table.contains("| Variants.ladder |"), table);
        assertTrue(table.startsWith("| ladder (1 thread) |"), "no empty table of the other tasks: " + table);
    }

    @Test
    void withCpuTimesTheVariantGoalsAreJudgedOnTheCpuRatio() throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), """
                [{"benchmark":"com.galerly.benchmarks.VariantsBenchmark.ladder",
                  "params":{"source":"generated:6000x4000-444"},
                  "primaryMetric":{"score":900,"scoreError":1.5,"scoreUnit":"ms/op"}}]
                """);
        Path sharp = Files.writeString(dir.resolve("sharp.jsonl"), """
                {"task":"ladder","file":"/x/photo-6000x4000-444.jpg","threads":1,"ms":600,"cpuMs":500,"bytes":3,"maxRssMb":1}
                """);
        Path cpu = Files.writeString(dir.resolve("galerly-cpu.jsonl"), """
                {"task":"ladder","file":"/y/photo-6000x4000-444.jpg","threads":1,"ms":700,"cpuMs":350,"runs":4,"bytes":3}
                """);
        String table = ResultsTable.render(ResultsTable.jmh(jmh), ResultsTable.sharp(sharp), java.util.List.of(),
                java.util.List.of(), ResultsTable.sharp(cpu));
        assertTrue(table.contains("| 444 | photo-6000x4000-444.jpg | 900 ± 1.5 ms/op | 600 ms | 1.50x | 350 ms | 500 ms "
                + "| 0.70x | <= 0.80x |"), table);
        assertTrue(table.contains("| ladder on the 444 photo, 1 thread: <= 0.8x sharp (generated:6000x4000-444; CPU time; "
                + "wall: 1.50x) | 0.70x | yes |"), table);
    }
}
