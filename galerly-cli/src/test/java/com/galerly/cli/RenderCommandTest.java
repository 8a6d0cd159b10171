/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galerly render} as CLI.md specifies it, run in-process on a folder of mixed files. */
class RenderCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run galerly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GalerlyCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path mixedFolder() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        BufferedImage stored = SyntheticImages.storedFor(SyntheticImages.photo(900, 600, 5), 6);
        Files.write(in.resolve("portrait.jpg"), JpegMarkers.insert(ImageFiles.jpeg(stored, 90),
                JpegMarkers.exif(ExifData.builder().orientation(6).gps(1, 2).build())));
        Files.write(in.resolve("logo.png"), ImageFiles.png(SyntheticImages.discOnTransparentBlack(300, 200)));
        byte[] good = ImageFiles.jpeg(SyntheticImages.photo(640, 480, 6), 90);
        Files.write(in.resolve("cut.jpg"), MalformedImages.truncated(good, good.length / 2));
        Files.write(in.resolve("letter.jpg"), MalformedImages.text());
        Files.write(in.resolve("notes.txt"), MalformedImages.text());              // not an image extension: skipped
        Files.write(in.resolve("really-png.jpg"), ImageFiles.png(SyntheticImages.photo(320, 240, 8)));
        Path sub = Files.createDirectories(in.resolve("sub"));
        Files.write(sub.resolve("logo.jpg"), good);                                  // same id as logo.png -> logo-2
        return in;
    }

    @Test
    void rendersAFolderOfMixedFilesAsCliMdSays() throws IOException {
        Path in = mixedFolder();
        Path out = tmp.resolve("out");
        Run run = galerly("render", "--out", out.toString(), in.toString());

        assertEquals(1, run.exit(), "some inputs failed: exit 1; " + run.err());
        assertTrue(run.out().contains("rendered 4 of 6 photos"), run.out());
        assertTrue(run.err().contains("cut.jpg: CORRUPT_IMAGE"), run.err());
        assertTrue(run.err().contains("letter.jpg: UNSUPPORTED_FORMAT"), run.err());

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("standard", manifest.get("profile").asText());
        Map<String, JsonNode> byId = new HashMap<>();
        manifest.get("photos").forEach(p -> byId.put(p.get("id").asText(), p));
        assertEquals(java.util.Set.of("cut", "letter", "logo", "portrait", "really-png", "logo-2"), byId.keySet());

        JsonNode portrait = byId.get("portrait");
        assertEquals("ok", portrait.get("status").asText());
        assertEquals("jpeg", portrait.at("/original/format").asText());
        assertEquals(600, portrait.at("/original/width").asInt());
        assertEquals(900, portrait.at("/original/height").asInt());
        assertEquals(6, portrait.at("/original/orientation").asInt());
        assertEquals(900, portrait.get("width").asInt());
        assertEquals(600, portrait.get("height").asInt());
        assertFalse(portrait.at("/placeholder/blurhash").asText().isEmpty());
        JsonNode renditions = portrait.get("renditions");
        assertEquals(4, renditions.size());
        for (JsonNode r : renditions) {
            Path file = out.resolve(r.get("file").asText());
            assertTrue(Files.isRegularFile(file), file.toString());
            assertEquals(Files.size(file), r.get("bytes").asLong());
            assertEquals("image/jpeg", r.get("contentType").asText());
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(r.get("width").asInt(), image.getWidth());
            assertEquals(r.get("height").asInt(), image.getHeight());
            assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"));
        }
        assertEquals("portrait/thumbnail.jpg", renditions.get(0).get("file").asText());
        assertEquals("ok", byId.get("really-png").get("status").asText());
        assertEquals("png", byId.get("really-png").at("/original/format").asText());

        assertEquals("failed", byId.get("cut").get("status").asText());
        assertEquals("CORRUPT_IMAGE", byId.get("cut").at("/error/code").asText());
        assertEquals("UNSUPPORTED_FORMAT", byId.get("letter").at("/error/code").asText());
        assertFalse(Files.exists(out.resolve("cut")), "nothing written for a failed photo");

        String html = Files.readString(out.resolve("index.html"));
        for (JsonNode r : renditions) {
            assertTrue(html.contains("src=\"" + r.get("file").asText() + "\""), "contact sheet shows " + r.get("file"));
        }
        assertTrue(html.contains("CORRUPT_IMAGE") && html.contains("UNSUPPORTED_FORMAT"));
    }

    @Test
    void allGoodIsExitZeroAndBothFormatsComeFromOneRun() throws IOException {
        Path photo = tmp.resolve("one.jpg");
        Files.write(photo, ImageFiles.jpeg(SyntheticImages.photo(1000, 700, 2), 90));
        Path out = tmp.resolve("both");
        Run run = galerly("render", "--out", out.toString(), "--format", "both", "--quality", "70", "--threads", "2",
                photo.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode photoNode = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("photos").get(0);
        assertEquals(8, photoNode.get("renditions").size());
        for (String file : new String[] {"thumbnail.jpg", "thumbnail.webp", "small.jpg", "small.webp", "medium.jpg",
            "medium.webp", "large.jpg", "large.webp"}) {
            assertTrue(Files.isRegularFile(out.resolve("one").resolve(file)), file);
        }
        assertTrue(photoNode.toString().contains("\"contentType\":\"image/webp\""));
        assertTrue(photoNode.toString().contains("\"name\":\"thumbnail\",\"file\":\"one/thumbnail.webp\""),
                photoNode.toString());
    }

    @Test
    void aCustomProfileFileAndThePixelLimitAreHonoured() throws IOException {
        Path photo = tmp.resolve("p.png");
        Files.write(photo, ImageFiles.png(SyntheticImages.photo(600, 400, 3)));
        Path profile = tmp.resolve("profile.json");
        Files.writeString(profile, "{\"name\":\"tiny\",\"renditions\":[{\"name\":\"t\",\"width\":50,\"height\":50,"
                + "\"fit\":\"cover\",\"format\":\"webp\",\"quality\":60}]}");
        Path out = tmp.resolve("custom");
        assertEquals(0, galerly("render", "--out", out.toString(), "--profile", profile.toString(), photo.toString())
                .exit());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("tiny", manifest.get("profile").asText());
        assertEquals("p/t.webp", manifest.at("/photos/0/renditions/0/file").asText());
        assertEquals(50, manifest.at("/photos/0/renditions/0/width").asInt());

        Path limited = tmp.resolve("limited");
        Run run = galerly("render", "--out", limited.toString(), "--max-megapixels", "0.1", photo.toString());
        assertEquals(1, run.exit());
        assertEquals("LIMIT_EXCEEDED", new ObjectMapper().readTree(limited.resolve("manifest.json").toFile())
                .at("/photos/0/error/code").asText());
    }

    /** The CLI names its plugins instead of discovering them (a cold-start saving): the same engine either way. */
    @Test
    void theNamedPluginsAreTheDiscoveredOnes() {
        com.galerly.core.image.ProcessorSettings settings = com.galerly.core.image.ProcessorSettings.defaults();
        assertEquals(com.galerly.core.image.ImageProcessors.load(settings).toString(),
                RenderCommand.processor(settings).toString());
    }

    @Test
    void idsAreSafeDirectoryNames() {
        assertEquals("IMG_0001", InputFiles.idOf(Path.of("IMG_0001.JPG")));
        assertEquals("_.", InputFiles.idOf(Path.of("...jpg")));
        assertEquals("my_photo_1_", InputFiles.idOf(Path.of("my photo#1?.png")));
        assertEquals("été", InputFiles.idOf(Path.of("été.jpg")));
        assertEquals("archive.tar", InputFiles.idOf(Path.of("archive.tar.gz")));
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() throws IOException {
        Path photo = tmp.resolve("x.jpg");
        Files.write(photo, ImageFiles.jpeg(SyntheticImages.solid(10, 10, 0), 90));
        for (String[] args : new String[][] {
            {"render", photo.toString()},
            {"render", "--out", tmp.resolve("o").toString(), "--quality", "0", photo.toString()},
            {"render", "--out", tmp.resolve("o").toString(), "--format", "gif", photo.toString()},
            {"render", "--out", tmp.resolve("o").toString(), tmp.resolve("missing.jpg").toString()},
            {"render", "--out", tmp.resolve("o").toString(), "--profile", "nope.json", photo.toString()},
            {"inspect", tmp.resolve("missing.jpg").toString()}}) {
            Run run = galerly(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace");
        }
    }
}
