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
        assertTrue(table.contains("| ladder, 1 thread: <= 1.0x sharp (RenditionLadder.ladder generated:6000x4000) | 0.80x | yes |"), table);
        assertTrue(table.contains("| 5.00x faster | yes |"), table);
        assertTrue(table.contains("vs sharp on 2 threads: 0.86x) | 0.60x | yes |"), table);
        assertTrue(table.contains("| Resize720.resize: <= 1.2x sharp (generated:6000x4000) | 1.25x | **no** |"), table);
        assertTrue(table.contains("| 100 MB vs 90.0 MB (java2d-bicubic) | **no** |"), table);
    }

    @Test
    void withoutSharpThereAreNoSharpRatiosAndNoSharpGoals() throws IOException {
        String table = table("", "");

        assertFalse(table.contains("sharp ("), table);
        assertFalse(table.contains("<= 1.0x sharp"), table);
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
}
