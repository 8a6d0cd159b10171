/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Shared helpers of the imaging tests: run the processor, decode what it wrote, compare colours. */
final class Outputs {
    static final ImageProcessor PROCESSOR = GalerlyImaging.processor();

    private Outputs() {
    }

    static ProcessedImage process(String name, byte[] bytes) {
        return PROCESSOR.process(ImageSource.of(name, bytes), RenditionProfile.standard());
    }

    static ProcessedImage process(String name, byte[] bytes, RenditionProfile profile) {
        return PROCESSOR.process(ImageSource.of(name, bytes), profile);
    }

    static BufferedImage decode(EncodedRendition rendition) {
        return decode(rendition.bytes());
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertTrue(image != null, "output must decode");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage largest(ProcessedImage out) {
        EncodedRendition best = out.renditions().get(0);
        for (EncodedRendition r : out.renditions()) {
            if (r.size().pixels() > best.size().pixels()) {
                best = r;
            }
        }
        BufferedImage image = decode(best);
        assertEquals(best.width(), image.getWidth());
        assertEquals(best.height(), image.getHeight());
        return image;
    }

    /** Mean RGB of a square of side {@code 2r+1} around (x, y). */
    static int[] mean(BufferedImage image, int x, int y, int r) {
        long sr = 0;
        long sg = 0;
        long sb = 0;
        int n = 0;
        for (int j = Math.max(0, y - r); j <= Math.min(image.getHeight() - 1, y + r); j++) {
            for (int i = Math.max(0, x - r); i <= Math.min(image.getWidth() - 1, x + r); i++) {
                int p = image.getRGB(i, j);
                sr += p >> 16 & 0xFF;
                sg += p >> 8 & 0xFF;
                sb += p & 0xFF;
                n++;
            }
        }
        return new int[] {(int) (sr / n), (int) (sg / n), (int) (sb / n)};
    }

    static void assertColour(int expectedRgb, int[] actual, int tolerance, String what) {
        int[] e = {expectedRgb >> 16 & 0xFF, expectedRgb >> 8 & 0xFF, expectedRgb & 0xFF};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(e[c] - actual[c]) <= tolerance, what + ": expected ~" + hex(e) + " (+-" + tolerance
                    + ") but was " + hex(actual));
        }
    }

    static String hex(int[] rgb) {
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
