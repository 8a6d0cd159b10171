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
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsOneJsonArrayWithHeaderFieldsAndErrors() throws Exception {
        Path jpeg = tmp.resolve("cam.jpg");
        Files.write(jpeg, JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.photo(400, 300, 1), 90),
                JpegMarkers.exif(ExifData.builder().orientation(8).make("Galerly").model("G1").gps(10, 20).build()),
                JpegMarkers.icc(IccProfileData.displayP3())));
        Path text = tmp.resolve("text.jpg");
        Files.write(text, MalformedImages.text());
        RenderCommandTest.Run run = RenderCommandTest.galerly("inspect", jpeg.toString(), text.toString());

        assertEquals(1, run.exit(), "one file unreadable: " + run.err());
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        JsonNode cam = array.get(0);
        assertEquals(jpeg.toString(), cam.get("source").asText());
        assertEquals("jpeg", cam.get("format").asText());
        assertEquals(400, cam.get("width").asInt());
        assertEquals(300, cam.get("height").asInt());
        assertEquals(8, cam.get("orientation").asInt());
        assertEquals("RGB", cam.get("colorModel").asText());
        assertEquals(8, cam.get("bitsPerSample").asInt());
        assertFalse(cam.get("hasAlpha").asBoolean());
        assertEquals("Display P3", cam.get("iccProfile").asText());
        assertEquals(0.12, cam.get("megapixels").asDouble(), 1e-9);
        assertEquals("Galerly", cam.at("/exif/Make").asText());
        assertFalse(cam.get("exif").toString().contains("GPS"));
        assertEquals("UNSUPPORTED_FORMAT", array.get(1).at("/error/code").asText());
        assertEquals(text.toString(), array.get(1).get("source").asText());
    }
}
