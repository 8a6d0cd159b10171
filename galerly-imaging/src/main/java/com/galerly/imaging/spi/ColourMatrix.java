/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.spi;

/**
 * The 3x3 matrix arithmetic of colour conversion, in one place for the engine and its plugins: products, inverses,
 * RGB-to-XYZ matrices of sets of primaries and Bradford chromatic adaptation between whites. Matrices are
 * {@code double[3][3]}, row-major, and act on column vectors; vectors are {@code double[3]}. No method changes its
 * arguments; every result is a new array the caller owns.
 *
 * <pre>{@code
 * double[] p3 = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060};
 * double[] d65 = {0.3127, 0.3290};
 * double[][] p3ToXyzD50 = ColourMatrix.adapt(ColourMatrix.xyz(d65), ColourMatrix.d50(),
 *         ColourMatrix.rgbToXyz(p3, d65));
 * double[][] p3ToSrgb = ColourMatrix.multiply(ColourMatrix.invert(ColourMatrix.srgbToXyzD50()), p3ToXyzD50);
 * }</pre>
 */
public final class ColourMatrix {
    /** CIE 1931 xy of the sRGB / BT.709 primaries: red x, y, green x, y, blue x, y. */
    private static final double[] SRGB_PRIMARIES = {0.640, 0.330, 0.300, 0.600, 0.150, 0.060};
    /** xy of D65, the white of sRGB, Display P3 and Adobe RGB. */
    private static final double[] D65 = {0.3127, 0.3290};
    /** XYZ of D50, the ICC profile connection space's white (ICC.1 7.2.16, as s15Fixed16 rounds it). */
    private static final double[] D50_XYZ = {0.9642, 1.0, 0.8249};
    /** The Bradford cone-response matrix (ICC.1 Annex E); never handed out, so never changed. */
    private static final double[][] BRADFORD = {
        {0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};
    private static final double[][] SRGB_TO_XYZ_D50 = adapt(xyz(D65), D50_XYZ, rgbToXyz(SRGB_PRIMARIES, D65));

    private ColourMatrix() {
    }

    /** sRGB to XYZ relative to D50, by Bradford from D65: the PCS side of an sRGB ICC profile (a new array). */
    public static double[][] srgbToXyzD50() {
        return copy(SRGB_TO_XYZ_D50);
    }

    /** XYZ of D50, the ICC profile connection space's white, as ICC profiles round it (a new array). */
    public static double[] d50() {
        return D50_XYZ.clone();
    }

    /** The identity matrix (a new array). */
    public static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    /** XYZ (Y = 1) of chromaticity {@code xy}. */
    public static double[] xyz(double[] xy) {
        return new double[] {xy[0] / xy[1], 1, (1 - xy[0] - xy[1]) / xy[1]};
    }

    /**
     * The RGB-to-XYZ matrix of a set of primaries whose white (xy) has Y = 1.
     *
     * @param primaries xy of red, green and blue ({@code [rx, ry, gx, gy, bx, by]}; further elements are ignored)
     * @param white     xy of the white point
     */
    public static double[][] rgbToXyz(double[] primaries, double[] white) {
        double[][] p = new double[3][3];
        for (int i = 0; i < 3; i++) {
            double[] c = xyz(new double[] {primaries[2 * i], primaries[2 * i + 1]});
            p[0][i] = c[0];
            p[1][i] = c[1];
            p[2][i] = c[2];
        }
        double[] s = apply(invert(p), xyz(white));
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 3; i++) {
                p[r][i] *= s[i];
            }
        }
        return p;
    }

    /** The Bradford adaptation from white {@code from} to white {@code to} (both XYZ), applied after {@code m}. */
    public static double[][] adapt(double[] from, double[] to, double[][] m) {
        double[] s = apply(BRADFORD, from);
        double[] d = apply(BRADFORD, to);
        double[][] scale = {{d[0] / s[0], 0, 0}, {0, d[1] / s[1], 0}, {0, 0, d[2] / s[2]}};
        return multiply(multiply(invert(BRADFORD), multiply(scale, BRADFORD)), m);
    }

    /** The vector {@code m v}. */
    public static double[] apply(double[][] m, double[] v) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = m[r][0] * v[0] + m[r][1] * v[1] + m[r][2] * v[2];
        }
        return out;
    }

    /** The product {@code a b} (b applied first). */
    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r][c] = a[r][0] * b[0][c] + a[r][1] * b[1][c] + a[r][2] * b[2][c];
            }
        }
        return out;
    }

    /**
     * The inverse of {@code m}.
     *
     * @throws IllegalArgumentException when {@code m} is singular (or nearly: no colorants of a real profile are)
     */
    public static double[][] invert(double[][] m) {
        double a = m[0][0];
        double b = m[0][1];
        double c = m[0][2];
        double d = m[1][0];
        double e = m[1][1];
        double f = m[1][2];
        double g = m[2][0];
        double h = m[2][1];
        double i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (!(Math.abs(det) > 1e-9)) {
            throw new IllegalArgumentException("singular colour matrix (determinant " + det + ")");
        }
        return new double[][] {
            {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
    }

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }
}
