/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import java.util.Arrays;

/**
 * libjpeg's accurate integer inverse DCT ({@code jpeg_idct_islow}) for a whole row of blocks at once, built from
 * {@link Lanes} kernels so HotSpot's C2 runs it in SIMD registers. Coefficient {@code pos} (natural order,
 * dequantised) of block {@code b} is {@code coef[pos][b]}; after {@link #transform} the same arrays hold the
 * block's samples (0..255) in raster order. Output equals libjpeg's sample for sample; a decode at 1/2 or 1/4
 * averages them ({@link #storeReduced}).
 */
final class InverseDct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int[][] EVEN = {
        {8192, 4433 + 6270, 8192, 4433},
        {8192, 4433, -8192, 4433 - 15137},
        {8192, -4433, -8192, 15137 - 4433},
        {8192, -4433 - 6270, 8192, -4433},
    };

    final int[][] coef;
    private final int[][] ws;
    private final int[][] t;

    InverseDct(int blocks) {
        int n = Math.max(1, blocks);
        coef = new int[64][n];
        ws = new int[64][n];
        t = new int[8][n];
    }

    int capacity() {
        return coef[0].length;
    }

    /** Zeroes the coefficients of lanes {@code [0, n)} before a row of blocks is decoded into them. */
    void clear(int n) {
        for (int[] c : coef) {
            Arrays.fill(c, 0, n, 0);
        }
    }

    /** Coefficients to samples for lanes {@code [0, n)}. */
    void transform(int n) {
        int[][] c = coef;
        for (int u = 0; u < 8; u++) {                  // columns: coef -> ws, scaled up by PASS1_BITS
            pass(c[u], c[u + 8], c[u + 16], c[u + 24], c[u + 32], c[u + 40], c[u + 48], c[u + 56],
                    ws, u, 8, CONST_BITS - PASS1_BITS, false, n);
        }
        for (int r = 0; r < 64; r += 8) {              // rows: ws -> samples in coef
            pass(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 4], ws[r + 5], ws[r + 6], ws[r + 7],
                    c, r, 1, CONST_BITS + PASS1_BITS + 3, true, n);
        }
    }

    private void pass(int[] x0, int[] x1, int[] x2, int[] x3, int[] x4, int[] x5, int[] x6, int[] x7,
                      int[][] out, int at, int step, int shift, boolean samples, int n) {
        int[][] e = {t[0], t[1], t[2], t[3]};
        int[][] o = {t[4], t[5], t[6], t[7]};
        for (int k = 0; k < 4; k++) {
            int[] m = EVEN[k];
            Lanes.lin4(x0, m[0], x2, m[1], x4, m[2], x6, m[3], 0, 0, e[k], n);
            int[] q = Lanes.ODD[k];
            Lanes.lin4(x7, q[0], x5, q[1], x3, q[2], x1, q[3], 0, 0, o[k], n);
        }
        int round = 1 << (shift - 1);
        // out0/7 = E0 +- O3, out1/6 = E1 +- O2, out2/5 = E2 +- O1, out3/4 = E3 +- O0
        for (int k = 0; k < 4; k++) {
            int[] plus = out[at + k * step];
            int[] minus = out[at + (7 - k) * step];
            if (samples) {
                Lanes.samples(e[k], o[3 - k], 1, round, shift, plus, n);
                Lanes.samples(e[k], o[3 - k], -1, round, shift, minus, n);
            } else {
                Lanes.sumDiffShift(e[k], o[3 - k], round, shift, plus, minus, n);
            }
        }
    }

    /**
     * Writes lanes {@code [from, from + count)} (consecutive blocks of one block row) as 8 rows of samples
     * starting at {@code out[at]}.
     */
    void store(int from, int count, byte[] out, int at, int stride) {
        int[][] c = coef;
        for (int r = 0; r < 8; r++, at += stride) {
            int p = r * 8;
            storeRow(c[p], c[p + 1], c[p + 2], c[p + 3], c[p + 4], c[p + 5], c[p + 6], c[p + 7], from, count, out, at);
        }
    }

    /**
     * Averages the samples of lanes {@code [0, n)} over 2x2 ({@code scale} 2) or 4x4 ({@code scale} 4) groups, the
     * area average a scaled IDCT computes; afterwards {@link #storeReduced} writes them.
     */
    void reduce(int scale, int n) {
        int[][] c = coef;
        int[][] h = ws;
        // 2x2 sums (scale 4) or rounded means (scale 2) of the 8x8 samples: h[r * 4 + x], r, x < 4
        for (int r = 0; r < 4; r++) {
            for (int x = 0; x < 4; x++) {
                int p = r * 16 + x * 2;
                Lanes.sum4(c[p], c[p + 1], c[p + 8], c[p + 9], scale == 2 ? 2 : 0, scale == 2 ? 2 : 0, h[r * 4 + x], n);
            }
        }
        if (scale == 4) {
            for (int r = 0; r < 2; r++) {
                for (int x = 0; x < 2; x++) {
                    int p = r * 8 + x * 2;
                    Lanes.sum4(h[p], h[p + 1], h[p + 4], h[p + 5], 8, 4, h[16 + r * 2 + x], n);
                }
            }
        }
    }

    /**
     * Writes lanes {@code [from, from + count)} after {@link #reduce}: {@code 8 / scale} rows of {@code 8 / scale}
     * samples per block.
     */
    void storeReduced(int scale, int from, int count, byte[] out, int at, int stride) {
        int bs = 8 / scale;
        int base = scale == 2 ? 0 : 16;
        for (int r = 0; r < bs; r++, at += stride) {
            for (int x = 0; x < bs; x++) {
                int[] lane = ws[base + r * bs + x];
                for (int j = from, o = at + x; j < from + count; j++, o += bs) {
                    out[o] = (byte) lane[j];
                }
            }
        }
    }

    private static void storeRow(int[] s0, int[] s1, int[] s2, int[] s3, int[] s4, int[] s5, int[] s6, int[] s7,
                                 int from, int count, byte[] out, int at) {
        for (int j = from, end = from + count; j < end; j++, at += 8) {
            out[at] = (byte) s0[j];
            out[at + 1] = (byte) s1[j];
            out[at + 2] = (byte) s2[j];
            out[at + 3] = (byte) s3[j];
            out[at + 4] = (byte) s4[j];
            out[at + 5] = (byte) s5[j];
            out[at + 6] = (byte) s6[j];
            out[at + 7] = (byte) s7[j];
        }
    }
}
