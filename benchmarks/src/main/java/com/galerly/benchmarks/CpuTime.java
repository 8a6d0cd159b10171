/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ladder's CPU time per run on one thread, as sharp/bench.js measures its own ({@code cpuMs}): the process's
 * user and system CPU time (JIT and GC included) over the measured runs, after a warm-up. Unlike wall time it
 * barely moves when other processes load the machine, so run.sh prints it next to JMH's times for the variants.
 * Prints one JSON line like bench.js: {@code {"task","file","threads","ms","cpuMs","runs","bytes"}}.
 *
 * <pre>{@code
 * // java -cp benchmarks.jar com.galerly.benchmarks.CpuTime ladder photo-6000x4000-progressive.jpg 5
 * }</pre>
 */
public final class CpuTime {
    private CpuTime() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("ladder") || args[0].equals("ladder-webp"))) {
            System.err.println("usage: CpuTime ladder|ladder-webp FILE SECONDS");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        double seconds = Double.parseDouble(args[2]);
        RenditionProfile profile = args[0].equals("ladder") ? RenditionProfile.standard() : VariantsBenchmark.WEBP;
        ImageProcessor processor = GalerlyImaging.builder().settings(s -> s.threads(1)).build();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = 0;
        long warmCpu = os.getProcessCpuTime() + (long) (Math.max(3, seconds) * 1e9);
        for (int i = 0; i < 8 || os.getProcessCpuTime() < warmCpu; i++) {     // warm-up in CPU time, not wall time
            bytes = render(processor, file, profile);
        }
        int runs = 0;
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long until = cpu + (long) (seconds * 1e9);
        while (runs < 3 || os.getProcessCpuTime() < until) {
            bytes = render(processor, file, profile);
            runs++;
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / runs;
        System.out.println(String.format(Locale.ROOT,
                "{\"task\":\"%s\",\"file\":\"%s\",\"threads\":1,\"ms\":%.1f,\"cpuMs\":%.1f,\"runs\":%d,\"bytes\":%d}",
                args[0], file.toString().replace("\\", "\\\\").replace("\"", "\\\""), ms, cpuMs, runs, bytes));
    }

    private static long render(ImageProcessor processor, Path file, RenditionProfile profile) {
        long total = 0;
        for (EncodedRendition r : processor.process(ImageSource.of(file), profile).renditions()) {
            total += r.length();
        }
        return total;
    }
}
