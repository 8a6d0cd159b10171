/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ProcessedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Checks on what an {@code ImageProcessor} wrote, for the tests of decoder and encoder plugins: the largest
 * rendition decoded back, its size, the colour around a point, and where the four quadrants of
 * {@link SyntheticImages#quadrants} landed (which way up the photo is shown).
 *
 * <pre>{@code
 * BufferedImage large = RenditionAssertions.largest(processor.process(source, RenditionProfile.standard()));
 * RenditionAssertions.assertQuadrants(large, 24, "EXIF orientation 6");
 * }</pre>
 */
public final class RenditionAssertions {
    private RenditionAssertions() {
    }

    /** The rendition with the most pixels, decoded with ImageIO (so its format must be one ImageIO reads). */
    public static BufferedImage largest(ProcessedImage out) {
        EncodedRendition best = out.renditions().get(0);
        for (EncodedRendition r : out.renditions()) {
            if (r.size().pixels() > best.size().pixels()) {
                best = r;
            }
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(best.bytes()));
            assertNotNull(image, "the rendition decodes");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertSize(int width, int height, BufferedImage image) {
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }

    /** The four quadrants of {@link SyntheticImages#quadrants} where a viewer shows them, each within tolerance. */
    public static void assertQuadrants(BufferedImage image, int tolerance, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(SyntheticImages.TOP_LEFT, image, w / 4, h / 4, tolerance, what + " top-left");
        assertColour(SyntheticImages.TOP_RIGHT, image, 3 * w / 4, h / 4, tolerance, what + " top-right");
        assertColour(SyntheticImages.BOTTOM_LEFT, image, w / 4, 3 * h / 4, tolerance, what + " bottom-left");
        assertColour(SyntheticImages.BOTTOM_RIGHT, image, 3 * w / 4, 3 * h / 4, tolerance, what + " bottom-right");
    }

    /**
     * The mean colour of the 5x5 pixels around (x, y) (clipped to the image) is {@code expected} (0xRRGGBB) within
     * {@code tolerance} levels per channel.
     */
    public static void assertColour(int expected, BufferedImage image, int x, int y, int tolerance, String what) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int j = Math.max(0, y - 2); j <= Math.min(image.getHeight() - 1, y + 2); j++) {
            for (int i = Math.max(0, x - 2); i <= Math.min(image.getWidth() - 1, x + 2); i++) {
                int p = image.getRGB(i, j);
                r += p >> 16 & 0xFF;
                g += p >> 8 & 0xFF;
                b += p & 0xFF;
                n++;
            }
        }
        int[] mean = {(int) (r / n), (int) (g / n), (int) (b / n)};
        int[] want = {expected >> 16 & 0xFF, expected >> 8 & 0xFF, expected & 0xFF};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(mean[c] - want[c]) <= tolerance, what + ": expected " + Arrays.toString(want)
                    + ", was " + Arrays.toString(mean));
        }
    }
}
