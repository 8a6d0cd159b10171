/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

import com.galerly.imaging.spi.ByteFields;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteOrder;

/**
 * The conversion of an embedded RGB ICC profile to sRGB, read from the profile's bytes (which come from an
 * untrusted file: every offset is bounded). A matrix/TRC profile ({@code rXYZ gXYZ bXYZ rTRC gTRC bTRC} with
 * {@code curv} or {@code para} curves, and no {@code A2Bx} LUT, which a CMM would prefer) gets the exact
 * {@link MatrixShaper}; any other RGB profile the JDK's CMM reads gets {@link CmmTransform}.
 *
 * <pre>{@code
 * RgbTransform toSrgb = IccTransforms.toSrgb(iccBytes, "Adobe RGB (1998)");   // null: leave it to ImageIO
 * toSrgb.apply(pixels, 0, pixels.length);
 * }</pre>
 */
public final class IccTransforms {
    private static final int RGB = 0x52474220;        // 'RGB '
    private static final int XYZ = 0x58595A20;        // 'XYZ '
    private static final int CURV = 0x63757276;
    private static final int PARA = 0x70617261;

    private IccTransforms() {
    }

    /** The transform to sRGB, or null when the profile is not RGB or cannot be read (the caller falls back). */
    public static RgbTransform toSrgb(byte[] icc, String description) {
        if (icc == null || icc.length < 132 || int32(icc, 16) != RGB) {
            return null;
        }
        try {
            MatrixShaper exact = matrixShaper(icc, description);
            if (exact != null) {
                return exact;
            }
        } catch (RuntimeException e) {
            // malformed tags: the CMM decides below
        }
        return cmm(icc, description);
    }

    /** Through the JDK's CMM, whatever the profile's kind; null when the CMM refuses it. */
    static RgbTransform cmm(byte[] icc, String description) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(icc);
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB ? CmmTransform.of(profile, description) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The matrix/TRC reading, or null when the profile is not of that kind. */
    static MatrixShaper matrixShaper(byte[] icc, String description) {
        if (int32(icc, 20) != XYZ || tag(icc, "A2B0") >= 0 || tag(icc, "A2B1") >= 0 || tag(icc, "A2B2") >= 0) {
            return null;
        }
        double[][] colorants = new double[3][3];
        float[][] curves = new float[3][];
        String[] xyz = {"rXYZ", "gXYZ", "bXYZ"};
        String[] trc = {"rTRC", "gTRC", "bTRC"};
        for (int c = 0; c < 3; c++) {
            int at = tag(icc, xyz[c]);
            if (at < 0 || int32(icc, at) != XYZ || at + 20 > icc.length) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                colorants[r][c] = int32(icc, at + 8 + 4 * r) / 65536.0;
            }
            int curve = tag(icc, trc[c]);
            curves[c] = curve < 0 ? null : curve(icc, curve);
            if (curves[c] == null) {
                return null;
            }
        }
        return new MatrixShaper(curves, colorants, description);
    }

    /** A {@code curv} or {@code para} tone curve sampled at the 256 8-bit values; null when malformed. */
    static float[] curve(byte[] icc, int at) {
        float[] out = new float[256];
        int type = int32(icc, at);
        if (type == CURV && at + 12 <= icc.length) {
            int n = int32(icc, at + 8);
            if (n < 0 || n > 65536 || at + 12 + 2L * n > icc.length) {
                return null;
            }
            if (n <= 1) {
                double gamma = n == 0 ? 1 : u16(icc, at + 12) / 256.0;
                for (int i = 0; i < 256; i++) {
                    out[i] = (float) Math.pow(i / 255.0, gamma);
                }
                return out;
            }
            for (int i = 0; i < 256; i++) {                  // the table, interpolated linearly
                double x = i / 255.0 * (n - 1);
                int lo = (int) x;
                int hi = Math.min(lo + 1, n - 1);
                double f = x - lo;
                out[i] = (float) ((u16(icc, at + 12 + 2 * lo) * (1 - f) + u16(icc, at + 12 + 2 * hi) * f) / 65535.0);
            }
            return out;
        }
        if (type == PARA && at + 12 <= icc.length) {
            int function = u16(icc, at + 8);
            int[] counts = {1, 3, 4, 5, 7};
            if (function > 4 || at + 12 + 4L * counts[function] > icc.length) {
                return null;
            }
            double[] p = new double[7];
            for (int k = 0; k < counts[function]; k++) {
                p[k] = int32(icc, at + 12 + 4 * k) / 65536.0;
            }
            for (int i = 0; i < 256; i++) {
                out[i] = (float) Math.max(0, Math.min(1, parametric(function, p, i / 255.0)));
            }
            return out;
        }
        return null;
    }

    /** ICC.1 10.18 parametricCurveType: g, a, b, c, d, e, f by function type. */
    private static double parametric(int function, double[] p, double x) {
        double g = p[0];
        double a = p[1];
        double b = p[2];
        double c = p[3];
        double d = p[4];
        return switch (function) {
            case 0 -> Math.pow(x, g);
            case 1 -> x >= -b / a ? Math.pow(a * x + b, g) : 0;
            case 2 -> x >= -b / a ? Math.pow(a * x + b, g) + c : c;
            case 3 -> x >= d ? Math.pow(a * x + b, g) : c * x;
            default -> x >= d ? Math.pow(a * x + b, g) + p[5] : c * x + p[6];
        };
    }

    /** The offset of tag {@code signature}'s data, or -1 when the profile has none (or it points outside). */
    static int tag(byte[] icc, String signature) {
        int sig = signature.charAt(0) << 24 | signature.charAt(1) << 16 | signature.charAt(2) << 8 | signature.charAt(3);
        int count = int32(icc, 128);
        for (int i = 0; i < Math.min(count, 1024); i++) {
            int at = 132 + 12 * i;
            if (at + 12 > icc.length) {
                return -1;
            }
            if (int32(icc, at) == sig) {
                int offset = int32(icc, at + 4);
                int size = int32(icc, at + 8);
                return offset >= 128 && size >= 8 && (long) offset + size <= icc.length ? offset : -1;
            }
        }
        return -1;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return ByteFields.u16(b, i, ByteOrder.BIG_ENDIAN);
    }
}
