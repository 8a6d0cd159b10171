/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Kernels;
import com.galerly.imaging.internal.planar.Plane;

/**
 * libjpeg's accurate integer forward DCT ({@code jpeg_fdct_islow}) and quantisation for a whole row of blocks at
 * once. Coefficient {@code pos} of block {@code b} lives in {@code coef[pos][b]}, so every step of the transform
 * is one loop over the blocks that reads and writes the same index of separate arrays, with no type conversion:
 * the shape HotSpot's C2 (JDK 17 and later) compiles into SIMD instructions. Quantisation is libjpeg-turbo's
 * exact division by reciprocal ({@code compute_reciprocal}): the same integers as dividing, in 32-bit lanes.
 */
final class ForwardDct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    /** Natural position -> zigzag index. */
    private static final int[] ZIGZAG = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            ZIGZAG[JpegPlanarDecoder.NATURAL[k]] = k;
        }
    }

    /** {@code coef[pos][block]}: samples minus 128, then coefficients, then quantised coefficients. */
    final int[][] coef;
    private final int[][] temp;
    /** The workspace of {@link #transformBlock}. */
    private final int[] block = new int[64];

    /**
     * After {@link #transform}: bit {@code k} of {@code nonZeroLow[b]} (zigzag positions 0..31) and of
     * {@code nonZeroHigh[b]} (positions 32..63) is set where block {@code b}'s quantised coefficient is not zero,
     * so the entropy coder visits only those.
     */
    final int[] nonZeroLow;
    final int[] nonZeroHigh;

    ForwardDct(int blocks) {
        coef = new int[64][Math.max(1, blocks)];
        temp = new int[8][Math.max(1, blocks)];
        nonZeroLow = new int[Math.max(1, blocks)];
        nonZeroHigh = new int[Math.max(1, blocks)];
    }

    /** Reciprocal, correction and shift per natural-order position, for the quantisation table {@code quant}. */
    static int[][] divisors(int[] quant) {
        int[][] d = new int[3][64];
        for (int i = 0; i < 64; i++) {
            int q = quant[i] * 8;                     // islow's output is scaled up by 8
            int b = 31 - Integer.numberOfLeadingZeros(q);
            int r = 16 + b;
            long fq = (1L << r) / q;
            long fr = (1L << r) % q;
            int c = q / 2;
            if (fr == 0) {
                fq >>= 1;
                r--;
            } else if (fr <= q / 2) {
                c++;
            } else {
                fq++;
            }
            d[0][i] = (int) fq;
            d[1][i] = c;
            d[2][i] = r;
        }
        return d;
    }

    /**
     * Loads the row of {@code blocks} 8x8 blocks whose top is plane row {@code y0}, into lanes {@code at ..}; samples
     * past the plane's right and bottom edges repeat its last column and row, as libjpeg pads.
     */
    void load(Plane plane, int y0, int blocks, int at) {
        byte[] d = plane.data();
        int stride = plane.stride();
        int w = plane.width();
        int h = plane.height();
        int full = Math.min(blocks, w / 8);              // blocks entirely inside horizontally
        for (int r = 0; r < 8; r++) {
            int o = Math.min(y0 + r, h - 1) * stride;
            int p = r * 8;
            loadRow(d, o, full, coef[p], coef[p + 1], coef[p + 2], coef[p + 3], coef[p + 4], coef[p + 5],
                    coef[p + 6], coef[p + 7], at);
            for (int j = full; j < blocks; j++) {
                for (int c = 0; c < 8; c++) {
                    coef[p + c][at + j] = (d[o + Math.min(j * 8 + c, w - 1)] & 0xFF) - 128;
                }
            }
        }
    }

    private static void loadRow(byte[] d, int o, int n, int[] c0, int[] c1, int[] c2, int[] c3, int[] c4, int[] c5,
                                int[] c6, int[] c7, int at) {
        for (int j = 0; j < n; j++, o += 8) {
            c0[at + j] = (d[o] & 0xFF) - 128;
            c1[at + j] = (d[o + 1] & 0xFF) - 128;
            c2[at + j] = (d[o + 2] & 0xFF) - 128;
            c3[at + j] = (d[o + 3] & 0xFF) - 128;
            c4[at + j] = (d[o + 4] & 0xFF) - 128;
            c5[at + j] = (d[o + 5] & 0xFF) - 128;
            c6[at + j] = (d[o + 6] & 0xFF) - 128;
            c7[at + j] = (d[o + 7] & 0xFF) - 128;
        }
    }

    /**
     * Transforms and quantises lanes {@code [0, n)} with the {@link #divisors} {@code div}: block by block where C1
     * compiles alone ({@link Kernels}), else with the lane loops. Both give the same coefficients.
     */
    void transform(int n, int[][] div) {
        if (Kernels.SCALAR) {
            for (int b = 0; b < n; b++) {
                transformBlock(b, div);
            }
        } else {
            transformLanes(n, div);
        }
    }

    /** {@link #transform} with the lane loops, C2's SIMD form. */
    void transformLanes(int n, int[][] div) {
        int[][] c = coef;
        int[][] t = temp;
        for (int r = 0; r < 64; r += 8) {
            pass(c[r], c[r + 1], c[r + 2], c[r + 3], c[r + 4], c[r + 5], c[r + 6], c[r + 7], t, n,
                    0, 0, CONST_BITS - PASS1_BITS, null, 0, 0);
        }
        for (int k = 0; k < 8; k++) {
            pass(c[k], c[k + 8], c[k + 16], c[k + 24], c[k + 32], c[k + 40], c[k + 48], c[k + 56], t, n,
                    1 << (PASS1_BITS - 1), PASS1_BITS, CONST_BITS + PASS1_BITS, div, k, 8);
        }
        java.util.Arrays.fill(nonZeroLow, 0, n, 0);
        java.util.Arrays.fill(nonZeroHigh, 0, n, 0);
        int[] natural = JpegPlanarDecoder.NATURAL;
        for (int k = 0; k < 32; k++) {
            markNonZero(c[natural[k]], nonZeroLow, k, n);
            markNonZero(c[natural[k + 32]], nonZeroHigh, k, n);
        }
    }

    /**
     * The same transform and quantisation for block {@code b} alone: libjpeg's islow as written, one block at a time
     * in locals. Scalar code for a JVM compiling with C1 alone ({@link Kernels}), where it beats the lane loops;
     * the coefficients are the same.
     */
    void transformBlock(int b, int[][] div) {
        int[][] c = coef;
        int[] w = block;
        for (int r = 0; r < 64; r += 8) {               // rows: samples -> w, scaled up by PASS1_BITS
            int s0 = c[r][b];
            int s1 = c[r + 1][b];
            int s2 = c[r + 2][b];
            int s3 = c[r + 3][b];
            int s4 = c[r + 4][b];
            int s5 = c[r + 5][b];
            int s6 = c[r + 6][b];
            int s7 = c[r + 7][b];
            int t0 = s0 + s7;
            int t7 = s0 - s7;
            int t1 = s1 + s6;
            int t6 = s1 - s6;
            int t2 = s2 + s5;
            int t5 = s2 - s5;
            int t3 = s3 + s4;
            int t4 = s3 - s4;
            int t10 = t0 + t3;
            int t13 = t0 - t3;
            int t11 = t1 + t2;
            int t12 = t1 - t2;
            int shift = CONST_BITS - PASS1_BITS;
            int round = 1 << (shift - 1);
            w[r] = t10 + t11 << PASS1_BITS;
            w[r + 4] = t10 - t11 << PASS1_BITS;
            int z1 = (t12 + t13) * 4433;
            w[r + 2] = z1 + t13 * 6270 + round >> shift;
            w[r + 6] = z1 - t12 * 15137 + round >> shift;
            int z5 = (t4 + t5 + t6 + t7) * 9633;
            int a1 = (t4 + t7) * -7373;
            int a2 = (t5 + t6) * -20995;
            int a3 = (t4 + t6) * -16069 + z5;
            int a4 = (t5 + t7) * -3196 + z5;
            w[r + 7] = t4 * 2446 + a1 + a3 + round >> shift;
            w[r + 5] = t5 * 16819 + a2 + a4 + round >> shift;
            w[r + 3] = t6 * 25172 + a2 + a3 + round >> shift;
            w[r + 1] = t7 * 12299 + a1 + a4 + round >> shift;
        }
        long mask = 0;
        int[] recip = div[0];
        int[] corr = div[1];
        int[] qshift = div[2];
        for (int k = 0; k < 8; k++) {                   // columns: w -> coefficients, quantised into coef
            int s0 = w[k];
            int s1 = w[k + 8];
            int s2 = w[k + 16];
            int s3 = w[k + 24];
            int s4 = w[k + 32];
            int s5 = w[k + 40];
            int s6 = w[k + 48];
            int s7 = w[k + 56];
            int t0 = s0 + s7;
            int t7 = s0 - s7;
            int t1 = s1 + s6;
            int t6 = s1 - s6;
            int t2 = s2 + s5;
            int t5 = s2 - s5;
            int t3 = s3 + s4;
            int t4 = s3 - s4;
            int t10 = t0 + t3;
            int t13 = t0 - t3;
            int t11 = t1 + t2;
            int t12 = t1 - t2;
            int shift = CONST_BITS + PASS1_BITS;
            int round = 1 << (shift - 1);
            int round04 = 1 << (PASS1_BITS - 1);
            mask |= put(c, k, b, quantise(t10 + t11 + round04 >> PASS1_BITS, recip[k], corr[k], qshift[k]));
            mask |= put(c, k + 32, b, quantise(t10 - t11 + round04 >> PASS1_BITS,
                    recip[k + 32], corr[k + 32], qshift[k + 32]));
            int z1 = (t12 + t13) * 4433;
            mask |= put(c, k + 16, b, quantise(z1 + t13 * 6270 + round >> shift,
                    recip[k + 16], corr[k + 16], qshift[k + 16]));
            mask |= put(c, k + 48, b, quantise(z1 - t12 * 15137 + round >> shift,
                    recip[k + 48], corr[k + 48], qshift[k + 48]));
            int z5 = (t4 + t5 + t6 + t7) * 9633;
            int a1 = (t4 + t7) * -7373;
            int a2 = (t5 + t6) * -20995;
            int a3 = (t4 + t6) * -16069 + z5;
            int a4 = (t5 + t7) * -3196 + z5;
            mask |= put(c, k + 56, b, quantise(t4 * 2446 + a1 + a3 + round >> shift,
                    recip[k + 56], corr[k + 56], qshift[k + 56]));
            mask |= put(c, k + 40, b, quantise(t5 * 16819 + a2 + a4 + round >> shift,
                    recip[k + 40], corr[k + 40], qshift[k + 40]));
            mask |= put(c, k + 24, b, quantise(t6 * 25172 + a2 + a3 + round >> shift,
                    recip[k + 24], corr[k + 24], qshift[k + 24]));
            mask |= put(c, k + 8, b, quantise(t7 * 12299 + a1 + a4 + round >> shift,
                    recip[k + 8], corr[k + 8], qshift[k + 8]));
        }
        nonZeroLow[b] = (int) mask;
        nonZeroHigh[b] = (int) (mask >>> 32);
    }

    /** Stores quantised coefficient {@code v} at natural position {@code pos}; its bit of the zigzag non-zero mask. */
    private static long put(int[][] c, int pos, int b, int v) {
        c[pos][b] = v;
        return (long) ((v | -v) >>> 31) << ZIGZAG[pos];
    }

    /** As {@link Lanes#lin4q} quantises. */
    private static int quantise(int x, int recip, int corr, int qshift) {
        int sign = x >> 31;
        int q = ((x ^ sign) - sign + corr) * recip >>> qshift;
        return (q ^ sign) - sign;
    }

    /** Sets bit {@code k} of {@code mask[b]} where {@code v[b]} is not zero (one SIMD loop over the blocks). */
    private static void markNonZero(int[] v, int[] mask, int k, int n) {
        for (int b = 0; b < n; b++) {
            mask[b] |= ((v[b] | -v[b]) >>> 31) << k;
        }
    }

    /**
     * One 8-point islow DCT over the lanes, in place. Row pass ({@code div} null): the DC and coefficient 4 are
     * scaled up by {@link #PASS1_BITS}; column pass: they are scaled down, and every output is quantised.
     */
    private static void pass(int[] d0, int[] d1, int[] d2, int[] d3, int[] d4, int[] d5, int[] d6, int[] d7,
                             int[][] t, int n, int round04, int shift04, int shift, int[][] div, int at, int step) {
        int[] t0 = t[0];
        int[] t1 = t[1];
        int[] t2 = t[2];
        int[] t3 = t[3];
        int[] t4 = t[4];
        int[] t5 = t[5];
        int[] t6 = t[6];
        int[] t7 = t[7];
        Lanes.sumDiff(d0, d7, t0, t7, n);
        Lanes.sumDiff(d1, d6, t1, t6, n);
        Lanes.sumDiff(d2, d5, t2, t5, n);
        Lanes.sumDiff(d3, d4, t3, t4, n);
        int round = 1 << (shift - 1);
        // even part: tmp10 = t0 + t3, tmp11 = t1 + t2, tmp12 = t1 - t2, tmp13 = t0 - t3, expanded
        int s04 = div == null ? 1 << PASS1_BITS : 1;
        int[][] out = {d0, d1, d2, d3, d4, d5, d6, d7};
        int[][] ins = {t4, t5, t6, t7};
        int[] e0 = {s04, s04, s04, s04};
        int[] e4 = {s04, -s04, -s04, s04};
        int[] e2 = {4433 + 6270, 4433, -4433, -4433 - 6270};
        int[] e6 = {4433, 4433 - 15137, 15137 - 4433, -4433};
        even(t0, t1, t2, t3, e0, round04, shift04, out[0], div, at, n);
        even(t0, t1, t2, t3, e4, round04, shift04, out[4], div, at + 4 * step, n);
        even(t0, t1, t2, t3, e2, round, shift, out[2], div, at + 2 * step, n);
        even(t0, t1, t2, t3, e6, round, shift, out[6], div, at + 6 * step, n);
        // odd part: outputs 7, 5, 3, 1 from tmp4..tmp7 = t4..t7
        int[] odd = {7, 5, 3, 1};
        for (int j = 0; j < 4; j++) {
            int[] m = Lanes.ODD[j];
            int k = odd[j];
            if (div == null) {
                Lanes.lin4(ins[0], m[0], ins[1], m[1], ins[2], m[2], ins[3], m[3], round, shift, out[k], n);
            } else {
                int pos = at + k * step;
                Lanes.lin4q(ins[0], m[0], ins[1], m[1], ins[2], m[2], ins[3], m[3], round, shift,
                        div[0][pos], div[1][pos], div[2][pos], out[k], n);
            }
        }
    }

    private static void even(int[] t0, int[] t1, int[] t2, int[] t3, int[] m, int round, int shift, int[] out,
                             int[][] div, int pos, int n) {
        if (div == null) {
            Lanes.lin4(t0, m[0], t1, m[1], t2, m[2], t3, m[3], round, shift, out, n);
        } else {
            Lanes.lin4q(t0, m[0], t1, m[1], t2, m[2], t3, m[3], round, shift, div[0][pos], div[1][pos],
                    div[2][pos], out, n);
        }
    }
}
