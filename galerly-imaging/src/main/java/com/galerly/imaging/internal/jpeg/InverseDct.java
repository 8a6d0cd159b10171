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
 * block's samples (0..255) in raster order. Output equals libjpeg's sample for sample. A decode at 1/2 computes
 * the means of 2x2 groups directly ({@link #transformHalf}); one at 1/4 averages the full output.
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

    /**
     * A[n][u]: weight of coefficient u in output n of the 4-point transform whose outputs are the means of pairs
     * of the 8-point one's (coefficient 4 averages to zero), scaled by 2^13.
     */
    private static final int[][] HALF = new int[4][8];

    static {
        for (int n = 0; n < 4; n++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                double mean = (Math.cos((4 * n + 1) * u * Math.PI / 16) + Math.cos((4 * n + 3) * u * Math.PI / 16)) / 2;
                HALF[n][u] = (int) Math.round(c / 2 * mean * (1 << CONST_BITS));
            }
        }
    }

    final int[][] coef;
    /**
     * The same arrays as {@link #coef}, in zigzag order: where the entropy decoder writes. Indexes 64 to 143 (an
     * end of block adds 64 to the position, a corrupt run may pass 63) all name one scratch array nothing reads.
     */
    final int[][] zigzag;
    private final int[][] ws;
    private final int[][] t;
    /** The workspace of {@link #transformBlock}. */
    private final int[] block = new int[64];
    /** Where {@link #storeReduced} reads from: samples of the reduced blocks, row-major. */
    private int[][] reduced;

    InverseDct(int blocks) {
        int n = Math.max(1, blocks);
        coef = new int[64][n];
        zigzag = new int[144][];
        for (int k = 0; k < 64; k++) {
            zigzag[k] = coef[JpegPlanarDecoder.NATURAL[k]];
        }
        int[] scratch = new int[n];
        Arrays.fill(zigzag, 64, zigzag.length, scratch);
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

    /** Multiplies the coefficients of lanes {@code [0, n)} by their quantisation step ({@code quant} in zigzag order). */
    void dequantise(int[] quant, int n) {
        // (the scratch lanes past 63 are never read, so they need no clearing either)
        for (int k = 0; k < 64; k++) {
            if (quant[k] != 1) {
                Lanes.scale(zigzag[k], quant[k], n);
            }
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
     * The same transform for block {@code lane} alone, dequantising as it reads ({@code quant} in natural order)
     * and writing its 8x8 samples into {@code out} at {@code at}: libjpeg's islow as written, with its shortcuts
     * for columns and rows whose AC coefficients are all zero (exact: they give what the full butterflies give).
     * Scalar code for a JVM compiling with C1 alone ({@link com.galerly.imaging.internal.planar.Kernels}), where it
     * keeps the intermediates in registers and beats {@link #transform}; the samples are the same.
     */
    void transformBlock(int lane, int[] quant, byte[] out, int at, int stride) {
        int[][] c = coef;
        int[] w = block;
        boolean flat = true;                           // the DC alone: one value for all 64 samples
        for (int u = 0; u < 8; u++) {                  // columns: coefficients -> w, scaled up by PASS1_BITS
            int d0 = c[u][lane];
            int d1 = c[u + 8][lane];
            int d2 = c[u + 16][lane];
            int d3 = c[u + 24][lane];
            int d4 = c[u + 32][lane];
            int d5 = c[u + 40][lane];
            int d6 = c[u + 48][lane];
            int d7 = c[u + 56][lane];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                int dc = d0 * quant[u] << PASS1_BITS;
                flat &= u == 0 || dc == 0;
                w[u] = dc;
                w[u + 8] = dc;
                w[u + 16] = dc;
                w[u + 24] = dc;
                w[u + 32] = dc;
                w[u + 40] = dc;
                w[u + 48] = dc;
                w[u + 56] = dc;
                continue;
            }
            flat = false;
            d0 *= quant[u];
            d1 *= quant[u + 8];
            d2 *= quant[u + 16];
            d3 *= quant[u + 24];
            d4 *= quant[u + 32];
            d5 *= quant[u + 40];
            d6 *= quant[u + 48];
            d7 *= quant[u + 56];
            int z1 = (d2 + d6) * 4433;
            int t2 = z1 - d6 * 15137;
            int t3 = z1 + d2 * 6270;
            int t0 = d0 + d4 << CONST_BITS;
            int t1 = d0 - d4 << CONST_BITS;
            int e0 = t0 + t3;
            int e3 = t0 - t3;
            int e1 = t1 + t2;
            int e2 = t1 - t2;
            int o0 = d7;
            int o1 = d5;
            int o2 = d3;
            int o3 = d1;
            int z5 = (o0 + o2 + o1 + o3) * 9633;
            int s1 = (o0 + o3) * -7373;
            int s2 = (o1 + o2) * -20995;
            int s3 = (o0 + o2) * -16069 + z5;
            int s4 = (o1 + o3) * -3196 + z5;
            o0 = o0 * 2446 + s1 + s3;
            o1 = o1 * 16819 + s2 + s4;
            o2 = o2 * 25172 + s2 + s3;
            o3 = o3 * 12299 + s1 + s4;
            int round = 1 << (CONST_BITS - PASS1_BITS - 1);
            int shift = CONST_BITS - PASS1_BITS;
            w[u] = e0 + o3 + round >> shift;
            w[u + 56] = e0 - o3 + round >> shift;
            w[u + 8] = e1 + o2 + round >> shift;
            w[u + 48] = e1 - o2 + round >> shift;
            w[u + 16] = e2 + o1 + round >> shift;
            w[u + 40] = e2 - o1 + round >> shift;
            w[u + 24] = e3 + o0 + round >> shift;
            w[u + 32] = e3 - o0 + round >> shift;
        }
        if (flat) {
            byte v = sample(w[0] + (1 << (PASS1_BITS + 2)) >> PASS1_BITS + 3);   // what every row's shortcut gives
            for (int r = 0; r < 8; r++, at += stride) {
                out[at] = v;
                out[at + 1] = v;
                out[at + 2] = v;
                out[at + 3] = v;
                out[at + 4] = v;
                out[at + 5] = v;
                out[at + 6] = v;
                out[at + 7] = v;
            }
            return;
        }
        for (int r = 0; r < 64; r += 8, at += stride) { // rows: w -> samples
            int d0 = w[r];
            int d1 = w[r + 1];
            int d2 = w[r + 2];
            int d3 = w[r + 3];
            int d4 = w[r + 4];
            int d5 = w[r + 5];
            int d6 = w[r + 6];
            int d7 = w[r + 7];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                byte v = sample(d0 + (1 << (PASS1_BITS + 2)) >> PASS1_BITS + 3);
                out[at] = v;
                out[at + 1] = v;
                out[at + 2] = v;
                out[at + 3] = v;
                out[at + 4] = v;
                out[at + 5] = v;
                out[at + 6] = v;
                out[at + 7] = v;
                continue;
            }
            int z1 = (d2 + d6) * 4433;
            int t2 = z1 - d6 * 15137;
            int t3 = z1 + d2 * 6270;
            int t0 = d0 + d4 << CONST_BITS;
            int t1 = d0 - d4 << CONST_BITS;
            int e0 = t0 + t3;
            int e3 = t0 - t3;
            int e1 = t1 + t2;
            int e2 = t1 - t2;
            int o0 = d7;
            int o1 = d5;
            int o2 = d3;
            int o3 = d1;
            int z5 = (o0 + o2 + o1 + o3) * 9633;
            int s1 = (o0 + o3) * -7373;
            int s2 = (o1 + o2) * -20995;
            int s3 = (o0 + o2) * -16069 + z5;
            int s4 = (o1 + o3) * -3196 + z5;
            o0 = o0 * 2446 + s1 + s3;
            o1 = o1 * 16819 + s2 + s4;
            o2 = o2 * 25172 + s2 + s3;
            o3 = o3 * 12299 + s1 + s4;
            int round = 1 << (CONST_BITS + PASS1_BITS + 2);
            int shift = CONST_BITS + PASS1_BITS + 3;
            out[at] = sample(e0 + o3 + round >> shift);
            out[at + 7] = sample(e0 - o3 + round >> shift);
            out[at + 1] = sample(e1 + o2 + round >> shift);
            out[at + 6] = sample(e1 - o2 + round >> shift);
            out[at + 2] = sample(e2 + o1 + round >> shift);
            out[at + 5] = sample(e2 - o1 + round >> shift);
            out[at + 3] = sample(e3 + o0 + round >> shift);
            out[at + 4] = sample(e3 - o0 + round >> shift);
        }
    }

    /** A level-shifted value clamped to a sample, as {@link Lanes#samples} clamps. */
    private static byte sample(int x) {
        x += 128;
        return (byte) (x < 0 ? 0 : x > 255 ? 255 : x);
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
     * Coefficients to 4x4 samples per block for lanes {@code [0, n)}, each the mean of a 2x2 group of the full
     * transform's output (up to rounding), straight from the coefficients: a 1/2 decode costs a third of a full
     * one. {@link #storeReduced} writes them.
     */
    void transformHalf(int n) {
        int[][] c = coef;
        // columns: ws[m * 8 + u] = sum over v of HALF[m][v] * coef[v * 8 + u], scaled up by PASS1_BITS
        for (int u = 0; u < 8; u++) {
            if (u == 4) {
                continue;                                  // its outputs meet weight 0 in the row pass
            }
            for (int m = 0; m < 4; m++) {
                int[] a = HALF[m];
                Lanes.lin4(c[u], a[0], c[8 + u], a[1], c[16 + u], a[2], c[24 + u], a[3], 0, 0, ws[m * 8 + u], n);
                Lanes.lin3add(c[40 + u], a[5], c[48 + u], a[6], c[56 + u], a[7], 1 << (CONST_BITS - PASS1_BITS - 1),
                        CONST_BITS - PASS1_BITS, ws[m * 8 + u], n);
            }
        }
        int shift = CONST_BITS + PASS1_BITS;
        for (int m = 0; m < 4; m++) {
            int r = m * 8;
            for (int k = 0; k < 4; k++) {
                int[] a = HALF[k];
                int[] acc = t[k];
                Lanes.lin4(ws[r], a[0], ws[r + 1], a[1], ws[r + 2], a[2], ws[r + 3], a[3], 0, 0, acc, n);
                Lanes.lin3addSamples(acc, ws[r + 5], a[5], ws[r + 6], a[6], ws[r + 7], a[7], 1 << (shift - 1), shift,
                        c[m * 4 + k], n);
            }
        }
        reduced = c;
    }

    /**
     * After {@link #transform}: averages the samples of lanes {@code [0, n)} over 4x4 groups (a 1/4 decode);
     * {@link #storeReduced} writes them.
     */
    void reduceQuarter(int n) {
        int[][] c = coef;
        int[][] h = ws;
        for (int r = 0; r < 4; r++) {                      // sums of 2x2 groups
            for (int x = 0; x < 4; x++) {
                int p = r * 16 + x * 2;
                Lanes.sum4(c[p], c[p + 1], c[p + 8], c[p + 9], 0, 0, h[r * 4 + x], n);
            }
        }
        for (int r = 0; r < 2; r++) {                      // rounded means of 4x4 groups
            for (int x = 0; x < 2; x++) {
                int p = r * 8 + x * 2;
                Lanes.sum4(h[p], h[p + 1], h[p + 4], h[p + 5], 8, 4, h[16 + r * 2 + x], n);
            }
        }
        reduced = new int[][] {h[16], h[17], h[18], h[19]};
    }

    /**
     * Writes lanes {@code [from, from + count)} after {@link #transformHalf} or {@link #reduceQuarter}:
     * {@code 8 / scale} rows of {@code 8 / scale}
     * samples per block.
     */
    void storeReduced(int scale, int from, int count, byte[] out, int at, int stride) {
        int bs = 8 / scale;
        for (int r = 0; r < bs; r++, at += stride) {
            for (int x = 0; x < bs; x++) {
                int[] lane = reduced[r * bs + x];
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
