/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

/**
 * Inverse DCTs of one dequantised 8x8 block (natural order) into 8-bit samples, at full size or reduced to
 * 4x4, 2x2 or 1x1. The full-size transform is libjpeg's accurate integer {@code jpeg_idct_islow}, so output
 * matches the JDK's decoder sample for sample; the reduced ones are the exact average of each 2x2, 4x4 or 8x8
 * group of the full-size output (coefficients whose average over a group vanishes drop out), which is the
 * area-averaging low-pass a downscale needs, at a fraction of the cost.
 */
final class Idct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    /** Weights of coefficient u in the 4-point averaged output (k_u = C(u)/2 cos(u pi/16)). */
    private static final float[] K4 = new float[8];
    private static final float C4 = (float) Math.cos(Math.PI / 4);
    private static final float C1 = (float) Math.cos(Math.PI / 8);
    private static final float S1 = (float) Math.sin(Math.PI / 8);
    /** M2[n * 8 + u]: weight of coefficient u in output n of the 2-point averaged transform. */
    private static final float[] M2 = new float[16];

    static {
        for (int u = 0; u < 8; u++) {
            double c = u == 0 ? Math.sqrt(0.5) : 1.0;
            K4[u] = (float) (c / 2 * Math.cos(u * Math.PI / 16));
            for (int n = 0; n < 2; n++) {
                double sum = 0;
                for (int x = 4 * n; x < 4 * n + 4; x++) {
                    sum += Math.cos((2 * x + 1) * u * Math.PI / 16);
                }
                double m = c / 2 * sum / 4;
                M2[n * 8 + u] = Math.abs(m) < 1e-9 ? 0f : (float) m;
            }
        }
    }

    private Idct() {
    }

    /** The value of a block whose only non-zero coefficient is the DC, as islow computes it. */
    static int dcOnly(int dc) {
        return clamp(((dc << PASS1_BITS) + (1 << (PASS1_BITS + 2)) >> (PASS1_BITS + 3)) + 128);
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** libjpeg's {@code jpeg_idct_islow}: 8x8 samples at {@code out[at + y * stride + x]}. */
    static void islow(int[] in, int[] ws, byte[] out, int at, int stride) {
        for (int c = 0; c < 8; c++) {
            if (in[8 + c] == 0 && in[16 + c] == 0 && in[24 + c] == 0 && in[32 + c] == 0 && in[40 + c] == 0
                    && in[48 + c] == 0 && in[56 + c] == 0) {
                int dc = in[c] << PASS1_BITS;
                for (int r = 0; r < 64; r += 8) {
                    ws[r + c] = dc;
                }
                continue;
            }
            int z2 = in[16 + c];
            int z3 = in[48 + c];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 + z3 * -FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = in[c];
            z3 = in[32 + c];
            int tmp0 = (z2 + z3) << CONST_BITS;
            int tmp1 = (z2 - z3) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            tmp0 = in[56 + c];
            tmp1 = in[40 + c];
            tmp2 = in[24 + c];
            tmp3 = in[8 + c];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            final int shift = CONST_BITS - PASS1_BITS;
            final int round = 1 << (shift - 1);
            ws[c] = tmp10 + tmp3 + round >> shift;
            ws[56 + c] = tmp10 - tmp3 + round >> shift;
            ws[8 + c] = tmp11 + tmp2 + round >> shift;
            ws[48 + c] = tmp11 - tmp2 + round >> shift;
            ws[16 + c] = tmp12 + tmp1 + round >> shift;
            ws[40 + c] = tmp12 - tmp1 + round >> shift;
            ws[24 + c] = tmp13 + tmp0 + round >> shift;
            ws[32 + c] = tmp13 - tmp0 + round >> shift;
        }
        for (int r = 0; r < 64; r += 8, at += stride) {
            row(ws, r, out, at);
        }
    }

    private static void row(int[] ws, int r, byte[] out, int at) {
        final int shift = CONST_BITS + PASS1_BITS + 3;
        final int round = 1 << (shift - 1);
        if (ws[r + 1] == 0 && ws[r + 2] == 0 && ws[r + 3] == 0 && ws[r + 4] == 0 && ws[r + 5] == 0
                && ws[r + 6] == 0 && ws[r + 7] == 0) {
            byte v = (byte) clamp((ws[r] + (1 << (PASS1_BITS + 2)) >> (PASS1_BITS + 3)) + 128);
            out[at] = v;
            out[at + 1] = v;
            out[at + 2] = v;
            out[at + 3] = v;
            out[at + 4] = v;
            out[at + 5] = v;
            out[at + 6] = v;
            out[at + 7] = v;
            return;
        }
        int z2 = ws[r + 2];
        int z3 = ws[r + 6];
        int z1 = (z2 + z3) * FIX_0_541196100;
        int tmp2 = z1 + z3 * -FIX_1_847759065;
        int tmp3 = z1 + z2 * FIX_0_765366865;
        int tmp0 = (ws[r] + ws[r + 4]) << CONST_BITS;
        int tmp1 = (ws[r] - ws[r + 4]) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;
        tmp0 = ws[r + 7];
        tmp1 = ws[r + 5];
        tmp2 = ws[r + 3];
        tmp3 = ws[r + 1];
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3;
        int z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 = z3 * -FIX_1_961570560 + z5;
        z4 = z4 * -FIX_0_390180644 + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
        out[at] = (byte) clamp((tmp10 + tmp3 + round >> shift) + 128);
        out[at + 7] = (byte) clamp((tmp10 - tmp3 + round >> shift) + 128);
        out[at + 1] = (byte) clamp((tmp11 + tmp2 + round >> shift) + 128);
        out[at + 6] = (byte) clamp((tmp11 - tmp2 + round >> shift) + 128);
        out[at + 2] = (byte) clamp((tmp12 + tmp1 + round >> shift) + 128);
        out[at + 5] = (byte) clamp((tmp12 - tmp1 + round >> shift) + 128);
        out[at + 3] = (byte) clamp((tmp13 + tmp0 + round >> shift) + 128);
        out[at + 4] = (byte) clamp((tmp13 - tmp0 + round >> shift) + 128);
    }

    /** 4x4 samples, each the average of a 2x2 group of the full-size block. */
    static void reduced4(int[] in, float[] ws, byte[] out, int at, int stride) {
        for (int c = 0; c < 8; c++) {
            half(in[c], in[8 + c], in[16 + c], in[24 + c], in[40 + c], in[48 + c], in[56 + c], ws, c, 8);
        }
        for (int m = 0; m < 4; m++, at += stride) {
            int r = m * 8;
            half(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 5], ws[r + 6], ws[r + 7], ws, 32 + m * 4, 1);
            out[at] = sample(ws[32 + m * 4]);
            out[at + 1] = sample(ws[33 + m * 4]);
            out[at + 2] = sample(ws[34 + m * 4]);
            out[at + 3] = sample(ws[35 + m * 4]);
        }
    }

    /**
     * The 4-point averaged 1-D transform: {@code out[at + n * step]} for n = 0..3 from coefficients 0..7 (4 drops
     * out; 5, 6, 7 fold onto 3, 2, 1 with the sign of their cosines).
     */
    private static void half(float f0, float f1, float f2, float f3, float f5, float f6, float f7, float[] out,
                             int at, int step) {
        float g0 = f0 * K4[0];
        float g1 = f1 * K4[1] - f7 * K4[7];
        float g2 = f2 * K4[2] - f6 * K4[6];
        float g3 = f3 * K4[3] - f5 * K4[5];
        float t0 = g0 + C4 * g2;
        float t1 = g0 - C4 * g2;
        float o0 = C1 * g1 + S1 * g3;
        float o1 = S1 * g1 - C1 * g3;
        out[at] = t0 + o0;
        out[at + step] = t1 + o1;
        out[at + 2 * step] = t1 - o1;
        out[at + 3 * step] = t0 - o0;
    }

    /** 2x2 samples, each the average of a 4x4 group of the full-size block. */
    static void reduced2(int[] in, float[] ws, byte[] out, int at, int stride) {
        for (int c = 0; c < 8; c++) {
            float a = 0;
            float b = 0;
            for (int v = 0; v < 8; v++) {
                int f = in[v * 8 + c];
                if (f != 0) {
                    a += M2[v] * f;
                    b += M2[8 + v] * f;
                }
            }
            ws[c] = a;
            ws[8 + c] = b;
        }
        for (int m = 0; m < 2; m++, at += stride) {
            float a = 0;
            float b = 0;
            for (int u = 0; u < 8; u++) {
                float f = ws[m * 8 + u];
                a += M2[u] * f;
                b += M2[8 + u] * f;
            }
            out[at] = sample(a);
            out[at + 1] = sample(b);
        }
    }

    /** The block's mean: its DC. */
    static byte reduced1(int dc) {
        return sample(dc / 8f);
    }

    private static byte sample(float v) {
        return (byte) clamp(Math.round(v + 128f));
    }
}
