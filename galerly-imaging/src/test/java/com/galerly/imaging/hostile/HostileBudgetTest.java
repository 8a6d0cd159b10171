/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst hostile inputs of issue #15, each rendered once in a child JVM with {@code -Xmx256m}: what each one
 * ends as, how long it took and the peak heap it used, against the deadline and the limits. The table is written to
 * {@code target/hostile-inputs.md} (and printed); the assertions are on the outcomes that do not depend on the
 * machine's speed (the time-limited cases are recorded only: HostileInputTest asserts deadlines with a 10 ms
 * limit), and that no input ends in an OutOfMemoryError.
 */
class HostileBudgetTest {
    static final String HEAP = "-Xmx256m";

    @TempDir
    Path tmp;

    private record Case(String name, byte[] bytes, long timeLimitMillis, String expected) {
    }

    @Test
    void everyHostileInputEndsTypedWithinItsBudgetUnderA256MegabyteHeap() throws Exception {
        List<Case> cases = List.of(
                new Case("1-bit PNG 14000x14000 (196 MP, 24 KB)", HostileFiles.onebitPng(14_000), 0, "LIMIT_EXCEEDED"),
                new Case("progressive JPEG, 3000 scans, 0.07 MP", HostileFiles.manyScanJpeg(256, 256, 3000), 0,
                        "LIMIT_EXCEEDED"),
                new Case("progressive JPEG, 100 scans, 4 MP", HostileFiles.manyScanJpeg(2000, 2000, 100), 0, "any"),
                new Case("progressive JPEG, 100 scans, 4 MP, timeLimit 300 ms (inside libjpeg)",
                        HostileFiles.manyScanJpeg(2000, 2000, 100), 300, "any"),
                new Case("24 MP JPEG, timeLimit 200 ms (planar path)",
                        ImageFiles.jpeg(SyntheticImages.photo(6000, 4000, 11), 90), 200, "any"),
                new Case("12 MP PNG, timeLimit 200 ms (ImageIO path)",
                        ImageFiles.png(SyntheticImages.photo(4000, 3000, 12)), 200, "any"),
                new Case("JPEG with an over-subscribed Huffman table", HostileFiles.oversubscribedHuffmanJpeg(), 0,
                        "CORRUPT_IMAGE"),
                new Case("TIFF with 50000 nested SubIFDs", HostileFiles.nestedSubIfdTiff(50_000), 0, "CORRUPT_IMAGE"),
                new Case("GIF 1000x1000, 20000 frames", HostileFiles.manyFrameGif(1000, 20_000), 0, "ok"),
                new Case("JPEG with 16 MiB of ICC and XMP", HostileFiles.hugeMetadataJpeg(16), 0, "ok"),
                new Case("1 KB JPEG declaring 65534x249 (fuzz finding)", truncatedWide(), 0, "CORRUPT_IMAGE"));
        List<String> args = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Path file = Files.write(tmp.resolve("case" + i), cases.get(i).bytes());
            args.add(file + "|" + cases.get(i).timeLimitMillis());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()));
        command.addAll(args);
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertFalse(output.contains("OutOfMemoryError"), output);

        Map<String, String[]> rows = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("case\t")).forEach(l -> {
            String[] f = l.split("\t", -1);
            rows.put(f[1], f);
        });
        StringBuilder table = new StringBuilder("| input | size | outcome | time (ms) | peak heap (MiB) |\n"
                + "|---|---:|---|---:|---:|\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String[] row = rows.get(String.valueOf(i));
            assertTrue(row != null, "no result for " + c.name() + ":\n" + output);
            if (!c.expected().equals("any")) {
                assertEquals(c.expected(), row[2], c.name() + ": " + row[5]);
            }
            table.append("| ").append(c.name()).append(" | ").append(size(c.bytes().length)).append(" | ")
                    .append(row[2]).append(" | ").append(row[3]).append(" | ").append(row[4]).append(" |\n");
        }
        Path report = Path.of("target", "hostile-inputs.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "Hostile inputs under " + HEAP + " (HostileBudgetTest, "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs)\n\n" + table);
        System.out.println(table);
    }

    private static String size(int bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** A baseline JPEG header declaring 65534x249 followed by almost no entropy data. */
    private static byte[] truncatedWide() {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(16, 16, 1), 80);
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = 0;
                jpeg[i + 6] = (byte) 249;
                jpeg[i + 7] = (byte) 0xFF;
                jpeg[i + 8] = (byte) 0xFE;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0");
    }

    /** Runs in the child JVM: each file once, printing outcome, elapsed time and peak heap. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            ImageProcessor standard = GalerlyImaging.processor();
            for (int i = 0; i < args.length; i++) {
                String[] spec = args[i].split("\\|");
                long limit = Long.parseLong(spec[1]);
                ImageProcessor processor = limit == 0 ? standard : GalerlyImaging.processor(ProcessorSettings.builder()
                        .timeLimit(Duration.ofMillis(limit)).build());
                byte[] bytes = Files.readAllBytes(Path.of(spec[0]));
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                String outcome;
                String detail;
                try {
                    processor.process(ImageSource.of("case" + i, bytes), RenditionProfile.standard());
                    outcome = "ok";
                    detail = "";
                } catch (GalerlyException e) {
                    outcome = e.code().name();
                    detail = e.getMessage();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.println("case\t" + i + "\t" + outcome + "\t" + millis + "\t" + peak / (1024 * 1024) + "\t"
                        + detail.replace('\t', ' ').replace('\n', ' '));
            }
        }
    }
}
