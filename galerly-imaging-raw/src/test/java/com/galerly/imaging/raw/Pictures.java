/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ProcessedImage;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Decoding what the processor wrote and checking which way up it is. */
final class Pictures {
    private Pictures() {
    }

    static BufferedImage largest(ProcessedImage out) {
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

    /** The four quadrants of {@link SyntheticImages#quadrants} where a viewer shows them. */
    static void assertQuadrants(BufferedImage image, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(SyntheticImages.TOP_LEFT, image, w / 4, h / 4, what + " top-left");
        assertColour(SyntheticImages.TOP_RIGHT, image, 3 * w / 4, h / 4, what + " top-right");
        assertColour(SyntheticImages.BOTTOM_LEFT, image, w / 4, 3 * h / 4, what + " bottom-left");
        assertColour(SyntheticImages.BOTTOM_RIGHT, image, 3 * w / 4, 3 * h / 4, what + " bottom-right");
    }

    static void assertColour(int expected, BufferedImage image, int x, int y, String what) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int j = y - 3; j <= y + 3; j++) {
            for (int i = x - 3; i <= x + 3; i++) {
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
            assertTrue(Math.abs(mean[c] - want[c]) <= 24, what + ": expected " + Integer.toHexString(expected)
                    + ", was " + java.util.Arrays.toString(mean));
        }
    }

    static void assertSize(int width, int height, BufferedImage image) {
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }
}
