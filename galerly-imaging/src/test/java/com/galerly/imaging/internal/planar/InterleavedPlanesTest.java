/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link YCbCr#planes(byte[], int, int, int, int[], int, int, int)}: a decoded PNG's raster made into planes. */
class InterleavedPlanesTest {
    private static final int W = 37;
    private static final int H = 23;

    /** Random RGB pixels, as packed ints and as a BGR raster with a padded row (stride 3W + 5). */
    private static final int[] RGB = new int[W * H];
    private static final byte[] BGR = new byte[(3 * W + 5) * H + 7];

    static {
        Random random = new Random(42);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = random.nextInt(1 << 24);
                RGB[y * W + x] = p;
                int o = 7 + y * (3 * W + 5) + 3 * x;
                BGR[o] = (byte) p;
                BGR[o + 1] = (byte) (p >> 8);
                BGR[o + 2] = (byte) (p >> 16);
            }
        }
    }

    @Test
    void atFullScaleTheSamplesAreThoseOfPackedPixels() {
        PlanarImage expected = YCbCr.planes(RGB, W, H, false);
        PlanarImage actual = YCbCr.planes(BGR, 7, 3, 3 * W + 5, new int[] {2, 1, 0}, W, H, 1);
        assertEquals(W, actual.width());
        assertEquals(H, actual.height());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected.plane(i).data(), actual.plane(i).data(), "plane " + i);
            assertEquals(i == 0 ? 1 : 2, actual.factorX(i));
        }
    }

    @Test
    void reducedScalesAverageEachGroup() {
        for (int scale : new int[] {2, 4, 8}) {
            PlanarImage image = YCbCr.planes(BGR, 7, 3, 3 * W + 5, new int[] {2, 1, 0}, W, H, scale);
            int lw = (W + scale - 1) / scale;
            int lh = (H + scale - 1) / scale;
            assertEquals(lw, image.width());
            assertEquals(lh, image.height());
            assertEquals((lw + 1) / 2, image.plane(1).width());
            for (int ly = 0; ly < lh; ly++) {
                for (int lx = 0; lx < lw; lx++) {
                    double[] mean = mean(lx * scale, ly * scale, scale);
                    double y = 0.299 * mean[0] + 0.587 * mean[1] + 0.114 * mean[2];
                    assertTrue(Math.abs(image.plane(0).at(lx, ly) - y) <= 0.5 + 1e-9,
                            "luma at " + lx + "," + ly + " of 1/" + scale);
                }
            }
            for (int cy = 0; cy < image.plane(1).height(); cy++) {
                for (int cx = 0; cx < image.plane(1).width(); cx++) {
                    double[] mean = mean(cx * 2 * scale, cy * 2 * scale, 2 * scale);
                    double cb = -0.16874 * mean[0] - 0.33126 * mean[1] + 0.5 * mean[2] + 128;
                    double cr = 0.5 * mean[0] - 0.41869 * mean[1] - 0.08131 * mean[2] + 128;
                    assertTrue(Math.abs(image.plane(1).at(cx, cy) - cb) <= 0.5 + 1e-9, "Cb at 1/" + scale);
                    assertTrue(Math.abs(image.plane(2).at(cx, cy) - cr) <= 0.5 + 1e-9, "Cr at 1/" + scale);
                }
            }
        }
    }

    @Test
    void greyIsOnePlane() {
        byte[] grey = new byte[W * H];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (RGB[i] & 0xFF);
        }
        PlanarImage full = YCbCr.planes(grey, 0, 1, W, new int[] {0}, W, H, 1);
        assertTrue(full.grey());
        assertArrayEquals(grey, full.plane(0).data());
        PlanarImage half = YCbCr.planes(grey, 0, 1, W, new int[] {0}, W, H, 2);
        int sum = (RGB[0] & 0xFF) + (RGB[1] & 0xFF) + (RGB[W] & 0xFF) + (RGB[W + 1] & 0xFF);
        assertEquals(Math.round(sum / 4.0), half.plane(0).at(0, 0), 1);
    }

    /** Mean R, G, B of the pixels of the {@code size x size} group at {@code (x0, y0)} that exist. */
    private static double[] mean(int x0, int y0, int size) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = y0; y < Math.min(H, y0 + size); y++) {
            for (int x = x0; x < Math.min(W, x0 + size); x++) {
                int p = RGB[y * W + x];
                sum[0] += p >> 16 & 0xFF;
                sum[1] += p >> 8 & 0xFF;
                sum[2] += p & 0xFF;
                n++;
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
