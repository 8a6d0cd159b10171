/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 24 MP progressive JPEG in a child JVM with {@code -Xmx256m}: Galerly's decoder holds its coefficient buffer
 * (72 MB) and the planes (36 MB) at once, and the engine renders the standard ladder from it; neither may end in
 * an OutOfMemoryError. The peak heap of each is printed.
 */
class ProgressiveMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void aProgressive24MegapixelPhotoDecodesAndRendersIn256Megabytes() throws Exception {
        Path file = Files.write(tmp.resolve("p.jpg"), ImageFiles.progressiveJpeg(SyntheticImages.photo(6000, 4000, 9),
                85));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child finished");
        String output = Files.readString(tmp.resolve("log"), StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(0, child.exitValue(), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
        assertTrue(output.contains("decoded 6000x4000") && output.contains("rendered 4"), output);
    }

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            byte[] bytes = Files.readAllBytes(Path.of(args[0]));
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            JpegPlanarDecoder.Header header = JpegPlanarDecoder.header(bytes);
            if (!header.progressive()) {
                throw new IllegalStateException("not progressive");
            }
            PlanarImage image = JpegPlanarDecoder.decode(bytes, header, 1);
            System.out.println("decoded " + image.width() + "x" + image.height() + ", peak heap " + peak(heap) + " MiB");
            image = null;
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            ProcessedImage out = GalerlyImaging.processor().process(ImageSource.of("p.jpg", bytes),
                    RenditionProfile.standard());
            System.out.println("rendered " + out.renditions().size() + " renditions, peak heap " + peak(heap) + " MiB");
        }

        private static long peak(List<MemoryPoolMXBean> heap) {
            return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        }
    }
}
