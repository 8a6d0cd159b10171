/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import com.galerly.imaging.spi.ColourMatrix;

/**
 * Converts pixels described by an nclx colour box (ITU-T H.273 colour primaries and transfer characteristics) to
 * 8-bit sRGB: decode the transfer to linear light, map the primaries to sRGB's through XYZ (Bradford-adapted when the
 * white points differ), clip, encode with the sRGB curve. libheif has already turned YCbCr into RGB with the box's
 * matrix coefficients. HDR transfers (PQ, HLG) are mapped with SDR reference white at 1.0 and clipped, not tone-mapped.
 */
public final class NclxColour {
    private static final int OUT_LEVELS = 16384;
    private static final float[] EMPTY = new float[0];
    private static final byte[] ENCODE = new byte[OUT_LEVELS];

    static {
        for (int i = 0; i < OUT_LEVELS; i++) {
            double v = (double) i / (OUT_LEVELS - 1);
            double e = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            ENCODE[i] = (byte) Math.round(Math.max(0, Math.min(1, e)) * 255);
        }
    }

    private final int primaries;
    private final int transfer;
    private final double[][] matrix;

    private NclxColour(int primaries, int transfer, double[][] matrix) {
        this.primaries = primaries;
        this.transfer = transfer;
        this.matrix = matrix;
    }

    /** The conversion for these codes, or null when the pixels are already sRGB (or the codes are unknown). */
    public static NclxColour of(int primaries, int transfer) {
        double[] xy = chromaticities(primaries);
        boolean srgbPrimaries = primaries == 1 || primaries == 2 || xy == null;
        boolean srgbTransfer = switch (transfer) {
            case 4, 5, 8, 16, 18 -> false;
            default -> true;
        };
        if (srgbPrimaries && srgbTransfer) {
            return null;
        }
        double[][] m = srgbPrimaries ? ColourMatrix.identity()
                : ColourMatrix.multiply(ColourMatrix.invert(rgbToXyz(chromaticities(1))),
                        adapt(xy, chromaticities(1), rgbToXyz(xy)));
        return new NclxColour(primaries, transfer, m);
    }

    /** A short description for {@code ImageInfo.colorProfileName()}. */
    public static String describe(int primaries, int transfer) {
        String p = switch (primaries) {
            case 1 -> "BT.709";
            case 5, 6, 7 -> "BT.601";
            case 9 -> "BT.2020";
            case 11 -> "DCI-P3";
            case 12 -> "Display P3";
            case 22 -> "EBU 3213";
            default -> "primaries " + primaries;
        };
        String t = switch (transfer) {
            case 16 -> " PQ";
            case 18 -> " HLG";
            case 8 -> " linear";
            default -> "";
        };
        return "nclx " + p + t;
    }

    /** Linear light of an encoded value 0..1. */
    double linear(double v) {
        return switch (transfer) {
            case 4 -> Math.pow(v, 2.2);
            case 5 -> Math.pow(v, 2.8);
            case 8 -> v;
            case 16 -> pq(v);
            case 18 -> hlg(v);
            default -> v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        };
    }

    private static double pq(double v) {
        double m1 = 2610.0 / 16384;
        double m2 = 2523.0 / 4096 * 128;
        double c1 = 3424.0 / 4096;
        double c2 = 2413.0 / 4096 * 32;
        double c3 = 2392.0 / 4096 * 32;
        double p = Math.pow(Math.max(v, 0), 1 / m2);
        double nits = 10000 * Math.pow(Math.max(p - c1, 0) / (c2 - c3 * p), 1 / m1);
        return nits / 203;                                  // BT.2408 SDR reference white
    }

    private static double hlg(double v) {
        double a = 0.17883277;
        double b = 1 - 4 * a;
        double c = 0.5 - a * Math.log(4 * a);
        double scene = v <= 0.5 ? v * v / 3 : (Math.exp((v - c) / a) + b) / 12;
        double reference = Math.pow((Math.exp((0.75 - c) / a) + b) / 12, 1.2);
        return Math.pow(scene, 1.2) / reference;            // system gamma 1.2; 75% signal is reference white
    }

    /**
     * Converts {@code samples} (interleaved, {@code channels} per pixel, alpha last when 4, values 0..max) into
     * 8-bit sRGB in {@code out} at {@code outOffset}.
     */
    public void convert(int[] samples, int pixels, int channels, int max, byte[] out, int outOffset) {
        float[] lut = lut(max);
        for (int i = 0; i < pixels; i++) {
            int s = i * channels;
            double r = lut[samples[s]];
            double g = lut[samples[s + 1]];
            double b = lut[samples[s + 2]];
            int o = outOffset + s;
            out[o] = encode(matrix[0][0] * r + matrix[0][1] * g + matrix[0][2] * b);
            out[o + 1] = encode(matrix[1][0] * r + matrix[1][1] * g + matrix[1][2] * b);
            out[o + 2] = encode(matrix[2][0] * r + matrix[2][1] * g + matrix[2][2] * b);
            if (channels == 4) {
                out[o + 3] = (byte) ((samples[s + 3] * 255L + max / 2) / max);
            }
        }
    }

    private float[] cache = EMPTY;

    private float[] lut(int max) {
        if (cache.length != max + 1) {
            float[] l = new float[max + 1];
            for (int i = 0; i <= max; i++) {
                l[i] = (float) linear((double) i / max);
            }
            cache = l;
        }
        return cache;
    }

    private static byte encode(double linear) {
        double v = linear <= 0 ? 0 : linear >= 1 ? 1 : linear;
        return ENCODE[(int) (v * (OUT_LEVELS - 1) + 0.5)];
    }

    /** x,y of red, green, blue and white for an H.273 code, or null when unknown. */
    private static double[] chromaticities(int code) {
        return switch (code) {
            case 1 -> new double[] {0.640, 0.330, 0.300, 0.600, 0.150, 0.060, 0.3127, 0.3290};
            case 5 -> new double[] {0.640, 0.330, 0.290, 0.600, 0.150, 0.060, 0.3127, 0.3290};
            case 6, 7 -> new double[] {0.630, 0.340, 0.310, 0.595, 0.155, 0.070, 0.3127, 0.3290};
            case 9 -> new double[] {0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290};
            case 11 -> new double[] {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.314, 0.351};
            case 12 -> new double[] {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290};
            case 22 -> new double[] {0.630, 0.340, 0.295, 0.605, 0.155, 0.077, 0.3127, 0.3290};
            default -> null;
        };
    }

    /** The RGB-to-XYZ matrix of primaries and white {@code c} (as {@link #chromaticities}), white at Y = 1. */
    private static double[][] rgbToXyz(double[] c) {
        return ColourMatrix.rgbToXyz(c, white(c));
    }

    /** {@code toXyz} followed by a Bradford adaptation from its white to the target white. */
    private static double[][] adapt(double[] from, double[] to, double[][] toXyz) {
        if (from[6] == to[6] && from[7] == to[7]) {
            return toXyz;
        }
        return ColourMatrix.adapt(ColourMatrix.xyz(white(from)), ColourMatrix.xyz(white(to)), toXyz);
    }

    private static double[] white(double[] c) {
        return new double[] {c[6], c[7]};
    }

    @Override
    public String toString() {
        return describe(primaries, transfer) + " -> sRGB";
    }
}
