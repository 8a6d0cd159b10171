/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ProcessedImage;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Decoding what the processor wrote, and the colours a test expects in it. */
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

    static void assertQuadrants(BufferedImage image, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(SyntheticImages.TOP_LEFT, image, w / 4, h / 4, 28, what + " top-left");
        assertColour(SyntheticImages.TOP_RIGHT, image, 3 * w / 4, h / 4, 28, what + " top-right");
        assertColour(SyntheticImages.BOTTOM_LEFT, image, w / 4, 3 * h / 4, 28, what + " bottom-left");
        assertColour(SyntheticImages.BOTTOM_RIGHT, image, 3 * w / 4, 3 * h / 4, 28, what + " bottom-right");
    }

    static void assertColour(int expected, BufferedImage image, int x, int y, int tolerance, String what) {
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
            assertTrue(Math.abs(mean[c] - want[c]) <= tolerance, what + ": expected " + Arrays.toString(want) + ", was "
                    + Arrays.toString(mean));
        }
    }

    /** What a Display P3 colour looks like in sRGB (clipped), from the published matrices. */
    static int p3InSrgb(int rgb) {
        double[] lin = new double[3];
        for (int c = 0; c < 3; c++) {
            lin[c] = IccProfileData.srgbToLinear((rgb >> (16 - 8 * c) & 0xFF) / 255.0);
        }
        double[] xyz = apply(IccProfileData.DISPLAY_P3_TO_XYZ_D50, lin);
        double[] srgb = apply(invert(IccProfileData.SRGB_TO_XYZ_D50), xyz);
        int out = 0;
        for (int c = 0; c < 3; c++) {
            int v = (int) Math.round(IccProfileData.linearToSrgb(Math.max(0, Math.min(1, srgb[c]))) * 255);
            out |= v << (16 - 8 * c);
        }
        return out;
    }

    private static double[] apply(double[][] m, double[] v) {
        return new double[] {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2], m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        return new double[][] {
            {(m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det, (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
                (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
            {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det, (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
                (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
            {(m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det, (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det,
                (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}};
    }
}
