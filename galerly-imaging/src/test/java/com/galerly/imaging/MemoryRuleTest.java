/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory rule of docs/imaging.md, proven: a 24 MP JPEG (6000x4000, shown rotated by EXIF orientation 6) renders the
 * standard profile in a JVM whose heap is exactly what the rule asks for an 8-bit RGB photo:
 * 48 MiB + 7 bytes per pixel = 216 MiB.
 */
class MemoryRuleTest {
    static final int WIDTH = 6000;
    static final int HEIGHT = 4000;
    static final long RULE_MIB = 48 + 7L * WIDTH * HEIGHT / (1024 * 1024);

    @TempDir
    Path tmp;

    @Test
    void a24MegapixelPhotoRendersWithinTheStatedHeap() throws Exception {
        Path photo = tmp.resolve("24mp.jpg");
        Files.write(photo, JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.photo(WIDTH, HEIGHT, 24), 90),
                JpegMarkers.exif(ExifData.builder().orientation(6).build())));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(List.of(java, "-Xmx" + RULE_MIB + "m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                photo.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "rendered under -Xmx" + RULE_MIB + "m:\n" + output);
        assertTrue(output.contains("large 2667x4000"), output);
    }

    /** Runs in the child JVM: renders the file with the standard profile and prints the sizes. */
    public static final class Probe {
        public static void main(String[] args) {
            ProcessedImage out = GalerlyImaging.processor().process(ImageSource.of(new File(args[0]).toPath()),
                    RenditionProfile.standard());
            for (EncodedRendition r : out.renditions()) {
                System.out.println(r.name() + " " + r.size() + " " + r.length());
            }
        }
    }
}
