/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planar path rotates and mirrors while writing the resampled planes, and places the 4:2:0 chroma grid of
 * an odd-sized output at the upright image's origin whatever the flip. Checked with sharp colour edges (where a
 * chroma grid off by half a sample bleeds) against the upright original, side by side with the RGB path.
 */
class PlanarOrientationTest {
    private static final RenditionProfile SAME_SIZE = RenditionProfile.builder().name("same")
            .add(s -> s.name("full").box(4000, 4000).fit(Fit.INSIDE).quality(95))
            .add(s -> s.name("half").box(19, 19).fit(Fit.COVER).quality(95))
            .build();

    @ParameterizedTest(name = "orientation {0}, {1}x{2}")
    @CsvSource({"1,37,23", "2,37,23", "3,37,23", "4,37,23", "5,37,23", "6,37,23", "7,37,23", "8,37,23",
        "3,38,24", "6,38,24", "7,41,29", "8,41,29"})
    void everyOrientationIsUprightWithChromaInPlace(int orientation, int width, int height) {
        BufferedImage upright = SyntheticImages.quadrants(width, height);
        BufferedImage stored = SyntheticImages.storedFor(upright, orientation);
        ExifData exif = ExifData.builder().orientation(orientation).build();
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 98), JpegMarkers.exif(exif));
        // the RGB path sees the very pixels the JPEG decodes to
        byte[] png = PngChunks.insert(ImageFiles.png(Outputs.decode(ImageFiles.jpeg(stored, 98))), PngChunks.exif(exif));
        EncodedRendition planar = Outputs.process("o.jpg", jpeg, SAME_SIZE).rendition("full").orElseThrow();
        EncodedRendition rgb = Outputs.process("o.png", png, SAME_SIZE).rendition("full").orElseThrow();
        BufferedImage a = Outputs.decode(planar);
        BufferedImage b = Outputs.decode(rgb);
        assertEquals(upright.getWidth(), a.getWidth());
        assertEquals(upright.getHeight(), a.getHeight());
        double planarError = error(upright, a);
        double rgbError = error(upright, b);
        assertTrue(planarError <= rgbError + 1.5, "orientation " + orientation + ": planar error " + planarError
                + " vs RGB path " + rgbError);
        // away from the edges (where 4:2:0 JPEG itself blurs colour over a few pixels) every pixel keeps its colour
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                boolean edge = Math.abs(x - width / 2) <= 3 || Math.abs(y - height / 2) <= 3;
                if (!edge) {
                    assertTrue(distance(a.getRGB(x, y), upright.getRGB(x, y)) < 60, "orientation " + orientation
                            + " pixel " + x + "," + y + " is " + Integer.toHexString(a.getRGB(x, y)));
                }
            }
        }
    }

    /**
     * Colour ramps (red across, blue down): a chroma grid misplaced by one pixel shifts every colour by a ramp step,
     * which the mean error shows at once; sharp edges alone hide it in JPEG's own colour bleeding.
     */
    @ParameterizedTest(name = "orientation {0}, {1}x{2}")
    @CsvSource({"1,37,23", "2,37,23", "3,37,23", "4,37,23", "5,37,23", "6,37,23", "7,37,23", "8,37,23",
        "2,38,24", "7,41,29"})
    void theChromaGridIsAnchoredAtTheUprightOrigin(int orientation, int width, int height) {
        BufferedImage upright = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                upright.setRGB(x, y, (255 * x / (width - 1)) << 16 | 128 << 8 | 255 * y / (height - 1));
            }
        }
        BufferedImage stored = SyntheticImages.storedFor(upright, orientation);
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 100),
                JpegMarkers.exif(ExifData.builder().orientation(orientation).build()));
        BufferedImage out = Outputs.decode(Outputs.process("ramp.jpg", jpeg, SAME_SIZE).rendition("full").orElseThrow());
        double e = error(upright, out) / 3;
        assertTrue(e < 2.0, "orientation " + orientation + ": mean error " + e + " levels per channel");
    }

    private static double error(BufferedImage expected, BufferedImage actual) {
        double total = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                total += distance(expected.getRGB(x, y), actual.getRGB(x, y));
            }
        }
        return total / (expected.getWidth() * expected.getHeight());
    }

    private static int distance(int p, int q) {
        return Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                + Math.abs((p & 0xFF) - (q & 0xFF));
    }
}
