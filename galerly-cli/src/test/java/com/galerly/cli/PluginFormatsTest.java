/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.imaging.heif.HeifDecoder;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galerly render} and {@code inspect} read camera RAW and HEIC through the plugins on the CLI's classpath. */
class PluginFormatsTest {
    @TempDir
    Path tmp;

    /** A Fujifilm RAF: the fixed header, then its JPEG (orientation 6 in its EXIF), then stand-in sensor data. */
    private static byte[] raf() {
        BufferedImage stored = SyntheticImages.storedFor(SyntheticImages.quadrants(600, 400), 6);
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 90),
                JpegMarkers.exif(ExifData.builder().orientation(6).make("FUJIFILM").model("X-T5").build()));
        byte[] sensor = new byte[4096];
        ByteBuffer header = ByteBuffer.allocate(148);
        header.put("FUJIFILMCCD-RAW 0201FF129502X-T5".getBytes(StandardCharsets.US_ASCII));
        header.position(84);
        header.putInt(148).putInt(jpeg.length).putInt(0).putInt(0).putInt(148 + jpeg.length).putInt(sensor.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(jpeg);
        out.writeBytes(sensor);
        return out.toByteArray();
    }

    @Test
    void rendersAndInspectsACameraRaw() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path raw = in.resolve("DSCF0001.RAF");
        Files.write(raw, raf());
        Path out = tmp.resolve("out");
        RenderCommandTest.Run render = RenderCommandTest.galerly("render", "--out", out.toString(), in.toString());
        assertEquals(0, render.exit(), render.err());
        JsonNode photo = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("photos").get(0);
        assertEquals("ok", photo.get("status").asText());
        assertEquals("raw", photo.at("/original/format").asText());
        assertEquals(6, photo.at("/original/orientation").asInt());
        assertEquals(600, photo.get("width").asInt());
        assertEquals(400, photo.get("height").asInt());
        BufferedImage large = ImageIO.read(out.resolve("DSCF0001/large.jpg").toFile());
        assertEquals(600, large.getWidth());
        int topLeft = large.getRGB(150, 100);
        assertTrue((topLeft >> 16 & 0xFF) > 200 && (topLeft >> 8 & 0xFF) < 60 && (topLeft & 0xFF) < 60,
                "red top-left once turned: " + Integer.toHexString(topLeft));

        RenderCommandTest.Run inspect = RenderCommandTest.galerly("inspect", raw.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        JsonNode info = new ObjectMapper().readTree(inspect.out()).get(0);
        assertEquals("raw", info.get("format").asText());
        assertEquals("RAF", info.at("/exif/RawFormat").asText());
        assertEquals("X-T5", info.at("/exif/Model").asText());
    }

    @Test
    void rendersAndInspectsAHeic() throws Exception {
        HeifDecoder heif = new HeifDecoder();
        assumeTrue(heif.unavailableReason().isEmpty(), () -> "libheif not available: " + heif.unavailableReason().get());
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/heif-enc")), "heif-enc (libheif-examples) not installed");
        Path png = tmp.resolve("q.png");
        Files.write(png, ImageFiles.png(SyntheticImages.quadrants(320, 240)));
        Path heic = tmp.resolve("IMG_0001.HEIC");
        Process p = new ProcessBuilder("/usr/bin/heif-enc", "-q", "90", "-o", heic.toString(), png.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "heif-enc made the fixture");

        Path out = tmp.resolve("out");
        RenderCommandTest.Run render = RenderCommandTest.galerly("render", "--out", out.toString(), heic.toString());
        assertEquals(0, render.exit(), render.err());
        JsonNode photo = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("photos").get(0);
        assertEquals("heif", photo.at("/original/format").asText());
        assertEquals(320, photo.get("width").asInt());
        assertTrue(Files.size(out.resolve("IMG_0001/large.jpg")) > 0);

        RenderCommandTest.Run inspect = RenderCommandTest.galerly("inspect", heic.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertEquals("heif", new ObjectMapper().readTree(inspect.out()).get(0).get("format").asText());
    }
}
