/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.Size;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {
    private static final BufferedImage QUADRANTS = SyntheticImages.quadrants(640, 480);
    private static final Map<String, Function<BufferedImage, byte[]>> WRITERS = Map.of(
            "jpeg", i -> ImageFiles.jpeg(i, 95),
            "progressive", i -> ImageFiles.progressiveJpeg(i, 95),
            "restarts", i -> ImageFiles.jpegWithRestarts(i, 95, 3),
            "png", ImageFiles::png,
            "gif", ImageFiles::gif,
            "bmp", ImageFiles::bmp,
            "tiff", ImageFiles::tiff,
            "webp", WebpFixtures::lossless);

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "progressive", "restarts", "png", "gif", "bmp", "tiff", "webp"})
    void everyFormatGivesAllFourRenditionsWithTheRightPixels(String kind) {
        byte[] file = WRITERS.get(kind).apply(QUADRANTS);
        ProcessedImage out = Outputs.process("photo." + kind, file);

        assertEquals(List.of("thumbnail", "small", "medium", "large"),
                out.renditions().stream().map(EncodedRendition::name).toList());
        assertEquals(new Size(400, 400), out.rendition("thumbnail").orElseThrow().size());
        assertEquals(new Size(640, 480), out.rendition("large").orElseThrow().size());
        assertEquals(new Size(640, 480), out.rendition("small").orElseThrow().size());
        for (EncodedRendition r : out.renditions()) {
            assertEquals("image/jpeg", r.contentType());
            assertTrue(r.length() > 100);
        }
        BufferedImage large = Outputs.largest(out);
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(large, 160, 120, 20), 12, kind + " top-left");
        Outputs.assertColour(SyntheticImages.TOP_RIGHT, Outputs.mean(large, 480, 120, 20), 12, kind + " top-right");
        Outputs.assertColour(SyntheticImages.BOTTOM_LEFT, Outputs.mean(large, 160, 360, 20), 12, kind + " bottom-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(large, 480, 360, 20), 12, kind + " bottom-right");
        assertNotNull(out.placeholder());
    }

    @Test
    void thePlaceholderShowsTheWholeFrameNotTheCroppedThumbnail() {
        byte[] landscape = ImageFiles.jpeg(SyntheticImages.photo(1500, 1000, 4), 90);
        RenditionProfile withThumbnail = RenditionProfile.standard();
        RenditionProfile.Builder full = RenditionProfile.builder();
        RenditionProfile.Builder crop = RenditionProfile.builder();
        withThumbnail.specs().forEach(s -> (s.fit() == Fit.INSIDE ? full : crop).add(s));
        RenditionProfile fullFrameOnly = full.build();
        RenditionProfile cropOnly = crop.build();
        String placeholder = Outputs.PROCESSOR.process(ImageSource.of("l", landscape), withThumbnail).placeholder();
        assertEquals(Outputs.PROCESSOR.process(ImageSource.of("l", landscape), fullFrameOnly).placeholder(), placeholder,
                "the square thumbnail does not decide the placeholder");
        assertNotEquals(Outputs.PROCESSOR.process(ImageSource.of("l", landscape), cropOnly).placeholder(), placeholder);
    }

    @Test
    void theFormatIsSniffedNotTakenFromTheName() {
        ProcessedImage out = Outputs.process("really-a-png.jpg", ImageFiles.png(QUADRANTS));
        assertEquals(ImageFormat.PNG, out.info().format());
    }

    @Test
    void webpOutputKeepsAlphaAndQuality() {
        BufferedImage disc = SyntheticImages.discOnTransparentBlack(300, 200);
        ProcessedImage out = Outputs.process("disc.png", ImageFiles.png(disc),
                RenditionProfile.standard().withFormat(ImageFormat.WEBP).withQuality(80));
        EncodedRendition small = out.rendition("small").orElseThrow();
        assertEquals("image/webp", small.contentType());
        BufferedImage decoded = Outputs.decode(small);
        assertEquals(0, decoded.getRGB(2, 2) >>> 24, "corner stays transparent");
        assertEquals(0xFF, decoded.getRGB(150, 100) >>> 24, "centre stays opaque");
    }
}
