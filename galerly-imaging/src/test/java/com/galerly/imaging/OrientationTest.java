/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.Size;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EXIF orientations 1..8 (mirrors and transposes included): every rendition shows the quadrants upright. */
class OrientationTest {
    private static final int W = 320;
    private static final int H = 240;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegIsShownAsTheCameraMeantIt(int orientation) {
        BufferedImage stored = SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), orientation);
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 95),
                JpegMarkers.exif(ExifData.builder().orientation(orientation).make("Galerly").build()));
        check(orientation, Outputs.process("o" + orientation + ".jpg", jpeg));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6, 8})
    void pngExifChunkIsHonoured(int orientation) {
        BufferedImage stored = SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), orientation);
        byte[] png = PngChunks.insert(ImageFiles.png(stored), PngChunks.exif(ExifData.builder().orientation(orientation)
                .build()));
        check(orientation, Outputs.process("o" + orientation + ".png", png));
    }

    private static void check(int orientation, ProcessedImage out) {
        assertEquals(orientation, out.info().orientation());
        assertEquals(new Size(W, H), out.info().orientedSize());
        assertEquals(new Size(W, H), out.rendition("large").orElseThrow().size());
        BufferedImage large = Outputs.largest(out);
        String o = "orientation " + orientation + " ";
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(large, W / 4, H / 4, 10), 16, o + "top-left");
        Outputs.assertColour(SyntheticImages.TOP_RIGHT, Outputs.mean(large, 3 * W / 4, H / 4, 10), 16, o + "top-right");
        Outputs.assertColour(SyntheticImages.BOTTOM_LEFT, Outputs.mean(large, W / 4, 3 * H / 4, 10), 16, o + "bottom-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(large, 3 * W / 4, 3 * H / 4, 10), 16,
                o + "bottom-right");
        // the thumbnail is the centred square crop of the upright image: left half red/blue, right half green/white
        BufferedImage thumb = Outputs.decode(out.rendition("thumbnail").orElseThrow());
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(thumb, 60, 60, 10), 16, o + "thumbnail top-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(thumb, 180, 180, 10), 16, o + "thumbnail bottom-right");
        // outputs carry no orientation: no EXIF at all
        assertFalse(JpegMarkers.segments(out.rendition("large").orElseThrow().bytes()).stream()
                .anyMatch(s -> s.marker() == JpegMarkers.APP1), o + "output has no APP1");
    }
}
