/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Planes back to RGB: the integer upsampling of half- and full-resolution chroma gives exactly the bilinear
 * interpolation between sample centres computed in doubles (the definition, kept here as the oracle), for every
 * pair of factors and odd sizes; {@link YCbCr#rgb} writes the same pixels as {@link YCbCr#argb}.
 */
class YCbCrTest {
    @Test
    void integerUpsamplingIsTheInterpolationBetweenSampleCentres() {
        SplittableRandom random = new SplittableRandom(20);
        int[][] factors = {{1, 1}, {2, 1}, {1, 2}, {2, 2}, {4, 1}, {4, 2}, {2, 4}};
        int[][] sizes = {{1, 1}, {2, 2}, {3, 5}, {17, 9}, {64, 33}, {101, 1}};
        for (int[] f : factors) {
            for (int[] s : sizes) {
                PlanarImage image = random(s[0], s[1], f[0], f[1], random);
                int[] expected = reference(image);
                String what = s[0] + "x" + s[1] + " at 1/" + f[0] + " x 1/" + f[1];
                assertArrayEquals(expected, YCbCr.argb(image), what);
                byte[] rgb = YCbCr.rgb(image);
                assertEquals(3 * expected.length, rgb.length, what);
                for (int i = 0; i < expected.length; i++) {
                    int p = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | rgb[3 * i + 2] & 0xFF;
                    assertEquals(expected[i], p, what + " pixel " + i);
                }
            }
        }
    }

    @Test
    void greyPlanesAreGreyRgb() {
        Plane y = new Plane(new byte[] {0, 10, (byte) 200, (byte) 255, 1, 2, 3, 4}, 3, 2, 4);
        PlanarImage grey = PlanarImage.of(3, 2, y);
        assertArrayEquals(new byte[] {0, 0, 0, 10, 10, 10, (byte) 200, (byte) 200, (byte) 200, 1, 1, 1, 2, 2, 2, 3, 3, 3},
                YCbCr.rgb(grey));
        assertEquals(0xFF0A0A0A, YCbCr.argb(grey)[1]);
    }

    /** Luma with a stride wider than the image, chroma planes at {@code 1/fx x 1/fy}, random samples. */
    private static PlanarImage random(int w, int h, int fx, int fy, SplittableRandom random) {
        Plane y = plane(w, h, 3, random);
        Plane cb = plane((w + fx - 1) / fx, (h + fy - 1) / fy, 1, random);
        Plane cr = plane((w + fx - 1) / fx, (h + fy - 1) / fy, 2, random);
        return new PlanarImage(w, h, new Plane[] {y, cb, cr}, new int[] {1, fx, fx}, new int[] {1, fy, fy});
    }

    private static Plane plane(int w, int h, int pad, SplittableRandom random) {
        byte[] data = new byte[(w + pad) * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return new Plane(data, w, h, w + pad);
    }

    /** The definition: chroma interpolated in doubles between sample centres, then libjpeg's JFIF equations. */
    private static int[] reference(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        int[] out = new int[w * h];
        Plane y = image.plane(0);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int l = y.at(i, j);
                int cb = chroma(image, 1, i, j) - 128;
                int cr = chroma(image, 2, i, j) - 128;
                int r = l + fixed(1.40200, cr);
                int g = l + gFixed(cb, cr);
                int b = l + fixed(1.77200, cb);
                out[j * w + i] = 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return out;
    }

    private static int chroma(PlanarImage image, int p, int i, int j) {
        Plane plane = image.plane(p);
        double sx = (i + 0.5) / image.factorX(p) - 0.5;
        double sy = (j + 0.5) / image.factorY(p) - 0.5;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double tx = sx - x0;
        double ty = sy - y0;
        int a = Math.max(0, Math.min(plane.width() - 1, x0));
        int b = Math.max(0, Math.min(plane.width() - 1, x0 + 1));
        int c = Math.max(0, Math.min(plane.height() - 1, y0));
        int d = Math.max(0, Math.min(plane.height() - 1, y0 + 1));
        double top = plane.at(a, c) * (1 - tx) + plane.at(b, c) * tx;
        double bottom = plane.at(a, d) * (1 - tx) + plane.at(b, d) * tx;
        return clamp((int) (top * (1 - ty) + bottom * ty + 0.5));
    }

    /** libjpeg's fixed-point term: round(k * 2^16) * x, rounded back (x an integer). */
    private static int fixed(double k, int x) {
        return (int) (Math.round(k * 65536) * x + 32768 >> 16);
    }

    private static int gFixed(int cb, int cr) {
        long g = -Math.round(0.34414 * 65536) * cb - Math.round(0.71414 * 65536) * cr + 32768;
        return (int) (g >> 16);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
