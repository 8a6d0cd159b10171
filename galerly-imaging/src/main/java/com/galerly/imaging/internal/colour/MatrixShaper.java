/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

import com.galerly.imaging.spi.ColourMatrix;

/**
 * The exact conversion of a matrix/TRC RGB profile (Display P3, Adobe RGB, ProPhoto and most camera and phone
 * profiles) to sRGB, as a CMM does it for the relative colorimetric intent (the only one such profiles have):
 * each channel through its tone curve to linear light (a table of 256), the 3x3 matrix from the profile's colorants
 * to sRGB's (both relative to the D50 connection space, sRGB's by Bradford from D65), clipping to the sRGB gamut,
 * then sRGB's transfer function (a table of 65536 linear steps, finer than the output's 8 bits anywhere).
 *
 * <p>ICC colorants are stored already adapted to D50, so the profile's {@code chad} tag is not applied again:
 * it records how the profile's maker adapted them (it matters only to absolute colorimetry), and LittleCMS ignores
 * it for this intent as well.
 */
final class MatrixShaper implements RgbTransform {
    private static final int STEPS = 65535;
    /** sRGB-encoded 8-bit value of linear light {@code i / STEPS}. */
    private static final byte[] ENCODE = new byte[STEPS + 1];

    static {
        for (int i = 0; i <= STEPS; i++) {
            double v = i / (double) STEPS;
            double e = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            ENCODE[i] = (byte) Math.round(e * 255);
        }
    }

    private final float[] red;
    private final float[] green;
    private final float[] blue;
    /** Linear RGB to linear sRGB, scaled by {@link #STEPS}, row-major. */
    private final float[] m = new float[9];
    private final String description;

    /**
     * @param curves   each channel's 8-bit value to linear light 0..1 (red, green, blue)
     * @param toXyzD50 the profile's colorants as columns (rXYZ, gXYZ, bXYZ)
     */
    MatrixShaper(float[][] curves, double[][] toXyzD50, String description) {
        this.red = curves[0];
        this.green = curves[1];
        this.blue = curves[2];
        this.description = description;
        double[][] toSrgb = ColourMatrix.multiply(ColourMatrix.invert(ColourMatrix.srgbToXyzD50()), toXyzD50);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 3 + c] = (float) (toSrgb[r][c] * STEPS);
            }
        }
    }

    @Override
    public void apply(int[] rgb, int from, int to) {
        float[] k = m;
        for (int i = from; i < to; i++) {
            int p = rgb[i];
            float r = red[p >> 16 & 0xFF];
            float g = green[p >> 8 & 0xFF];
            float b = blue[p & 0xFF];
            int x = encode(k[0] * r + k[1] * g + k[2] * b);
            int y = encode(k[3] * r + k[4] * g + k[5] * b);
            int z = encode(k[6] * r + k[7] * g + k[8] * b);
            rgb[i] = p & 0xFF000000 | x << 16 | y << 8 | z;
        }
    }

    /** sRGB 8-bit of a linear value scaled by {@link #STEPS}, clipped to the gamut. */
    private static int encode(float v) {
        int i = (int) (v + 0.5f);
        return ENCODE[i < 0 ? 0 : Math.min(i, STEPS)] & 0xFF;
    }

    @Override
    public String toString() {
        return "MatrixShaper[" + description + " -> sRGB]";
    }
}
