/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

/**
 * The few loop shapes the DCTs are built from, one value per block ("lane") of a row of blocks. HotSpot's C2
 * (JDK 17) turns a loop into SIMD code only when its body is small, reads and writes the same index of its
 * arrays, converts no types and stores little; each kernel here is such a loop, so a transform written as a
 * sequence of them runs 8 or 16 blocks per instruction. libjpeg's islow butterflies are expanded into these exact
 * integer linear combinations (multiplication distributes over integer addition), so results stay bit-identical.
 */
final class Lanes {
    private Lanes() {
    }

    /** {@code a *= k}: dequantisation of one coefficient position across the blocks. */
    static void scale(int[] a, int k, int n) {
        for (int i = 0; i < n; i++) {
            a[i] *= k;
        }
    }

    /** {@code sum = a + b}, {@code diff = a - b}. */
    static void sumDiff(int[] a, int[] b, int[] sum, int[] diff, int n) {
        for (int i = 0; i < n; i++) {
            int x = a[i];
            int y = b[i];
            sum[i] = x + y;
            diff[i] = x - y;
        }
    }

    /** {@code out = (a*ca + b*cb + c*cc + d*cd + round) >> shift}. */
    static void lin4(int[] a, int ca, int[] b, int cb, int[] c, int cc, int[] d, int cd, int round, int shift,
                     int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * ca + b[i] * cb + c[i] * cc + d[i] * cd + round >> shift;
        }
    }

    /**
     * {@link #lin4}, then quantised: {@code sign(x) * ((|x| + corr) * recip >>> qshift)} in unsigned 32-bit
     * arithmetic (libjpeg-turbo's exact reciprocal division).
     */
    static void lin4q(int[] a, int ca, int[] b, int cb, int[] c, int cc, int[] d, int cd, int round, int shift,
                      int recip, int corr, int qshift, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            int x = a[i] * ca + b[i] * cb + c[i] * cc + d[i] * cd + round >> shift;
            int sign = x >> 31;
            int q = ((x ^ sign) - sign + corr) * recip >>> qshift;
            out[i] = (q ^ sign) - sign;
        }
    }

    /** {@code out = (out + a*ca + b*cb + c*cc + round) >> shift}: the second half of a 7-term combination. */
    static void lin3add(int[] a, int ca, int[] b, int cb, int[] c, int cc, int round, int shift, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = out[i] + a[i] * ca + b[i] * cb + c[i] * cc + round >> shift;
        }
    }

    /** {@link #lin3add} of {@code acc} into {@code out}, plus 128, clamped to 0..255 (as {@link #samples}). */
    static void lin3addSamples(int[] acc, int[] a, int ca, int[] b, int cb, int[] c, int cc, int round, int shift,
                               int[] out, int n) {
        for (int i = 0; i < n; i++) {
            int x = (acc[i] + a[i] * ca + b[i] * cb + c[i] * cc + round >> shift) + 128;
            int v = x & ~(x >> 31);
            int t = 255 - v;
            out[i] = v + (t & (t >> 31));
        }
    }

    /** {@code out = (a + b + c + d + round) >> shift}: sums and means of groups of samples. */
    static void sum4(int[] a, int[] b, int[] c, int[] d, int round, int shift, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i] + c[i] + d[i] + round >> shift;
        }
    }

    /** {@code plus = (e + o + round) >> shift}, {@code minus = (e - o + round) >> shift}. */
    static void sumDiffShift(int[] e, int[] o, int round, int shift, int[] plus, int[] minus, int n) {
        for (int i = 0; i < n; i++) {
            int x = e[i] + round;
            int y = o[i];
            plus[i] = x + y >> shift;
            minus[i] = x - y >> shift;
        }
    }

    /**
     * {@code (e + sign * o + round) >> shift}, plus 128, clamped to 0..255: samples. The clamp is done with shifts
     * and masks because C2 (JDK 17) does not vectorise {@code Math.min/max} on ints.
     */
    static void samples(int[] e, int[] o, int sign, int round, int shift, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            int x = (e[i] + sign * o[i] + round >> shift) + 128;
            int v = x & ~(x >> 31);                       // max(x, 0)
            int t = 255 - v;
            out[i] = v + (t & (t >> 31));                 // min(v, 255)
        }
    }

    /** The odd-part matrix of islow (inputs t0..t3 = the four odd terms), expanded from libjpeg's z1..z5. */
    static final int[][] ODD = {
        {2446 - 7373 - 16069 + 9633, 9633, -16069 + 9633, -7373 + 9633},
        {9633, 16819 - 20995 - 3196 + 9633, -20995 + 9633, -3196 + 9633},
        {-16069 + 9633, -20995 + 9633, 25172 - 20995 - 16069 + 9633, 9633},
        {-7373 + 9633, -3196 + 9633, 9633, 12299 - 7373 - 3196 + 9633},
    };
}
