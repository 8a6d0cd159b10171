/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

/**
 * The BlurHash encoder (https://blurha.sh): a few DCT components of the image in linear light, in base 83.
 * Cosine tables are computed once per call, so a 400x400 rendition takes a few milliseconds.
 */
final class BlurHash {
    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            LINEAR[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    private BlurHash() {
    }

    /** Encodes opaque ARGB pixels (alpha ignored: flatten first) with {@code cx x cy} components (1..9 each). */
    static String encode(int[] argb, int width, int height, int cx, int cy) {
        double[][] cosX = cosines(cx, width);
        double[][] cosY = cosines(cy, height);
        double[] factors = new double[cx * cy * 3];
        double[] rowSum = new double[cx * 3];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(rowSum, 0);
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int p = argb[o + x];
                double r = LINEAR[p >> 16 & 0xFF];
                double g = LINEAR[p >> 8 & 0xFF];
                double b = LINEAR[p & 0xFF];
                for (int i = 0; i < cx; i++) {
                    double c = cosX[i][x];
                    rowSum[i * 3] += c * r;
                    rowSum[i * 3 + 1] += c * g;
                    rowSum[i * 3 + 2] += c * b;
                }
            }
            for (int j = 0; j < cy; j++) {
                double c = cosY[j][y];
                for (int i = 0; i < cx; i++) {
                    int f = (j * cx + i) * 3;
                    factors[f] += c * rowSum[i * 3];
                    factors[f + 1] += c * rowSum[i * 3 + 1];
                    factors[f + 2] += c * rowSum[i * 3 + 2];
                }
            }
        }
        double pixels = (double) width * height;
        for (int k = 0; k < cx * cy; k++) {
            double norm = (k == 0 ? 1 : 2) / pixels;
            factors[k * 3] *= norm;
            factors[k * 3 + 1] *= norm;
            factors[k * 3 + 2] *= norm;
        }
        StringBuilder hash = new StringBuilder();
        base83(hash, (cx - 1) + (cy - 1) * 9, 1);
        double max = 1;
        if (cx * cy > 1) {
            double actual = 0;
            for (int k = 3; k < factors.length; k++) {
                actual = Math.max(actual, Math.abs(factors[k]));
            }
            int quantised = (int) Math.max(0, Math.min(82, Math.floor(actual * 166 - 0.5)));
            max = (quantised + 1) / 166.0;
            base83(hash, quantised, 1);
        } else {
            base83(hash, 0, 1);
        }
        base83(hash, srgb(factors[0]) << 16 | srgb(factors[1]) << 8 | srgb(factors[2]), 4);
        for (int k = 1; k < cx * cy; k++) {
            int r = ac(factors[k * 3], max);
            int g = ac(factors[k * 3 + 1], max);
            int b = ac(factors[k * 3 + 2], max);
            base83(hash, r * 19 * 19 + g * 19 + b, 2);
        }
        return hash.toString();
    }

    private static double[][] cosines(int components, int size) {
        double[][] table = new double[components][size];
        for (int i = 0; i < components; i++) {
            for (int x = 0; x < size; x++) {
                table[i][x] = Math.cos(Math.PI * i * x / size);
            }
        }
        return table;
    }

    private static int ac(double value, double max) {
        double v = Math.copySign(Math.sqrt(Math.abs(value / max)), value);
        return (int) Math.max(0, Math.min(18, Math.floor(v * 9 + 9.5)));
    }

    private static int srgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void base83(StringBuilder out, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = value / (int) Math.pow(83, length - i) % 83;
            out.append(DIGITS.charAt(digit));
        }
    }
}
