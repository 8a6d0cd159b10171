/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

/**
 * Lanczos-3 contributions of source samples to each output sample along one axis: output {@code i} is
 * {@code sum(weight(i, t) * source[start(i) + t], t < count(i))}. Computed once per axis and resize; weights of
 * an output sum to 1 (renormalised where the source span is cut by its bounds, so a crop never bleeds in pixels
 * from outside it).
 */
public final class Taps {
    private static final double RADIUS = 3.0;

    private final int[] start;
    private final int[] count;
    private final float[] weights;
    private final int stride;
    private final int min;
    private final int max;

    private Taps(int[] start, int[] count, float[] weights, int stride, int min, int max) {
        this.start = start;
        this.count = count;
        this.weights = weights;
        this.stride = stride;
        this.min = min;
        this.max = max;
    }

    /** The Lanczos-3 kernel. */
    public static double kernel(double x) {
        x = Math.abs(x);
        if (x < 1e-9) {
            return 1.0;
        }
        if (x >= RADIUS) {
            return 0.0;
        }
        double px = Math.PI * x;
        return RADIUS * Math.sin(px) * Math.sin(px / RADIUS) / (px * px);
    }

    /**
     * Maps the source span {@code [from, from + length)} (in source samples, possibly fractional) onto
     * {@code out} samples, reading only source samples in {@code [lo, hi)}.
     */
    public static Taps lanczos3(double from, double length, int out, int lo, int hi) {
        if (out < 1 || hi <= lo) {
            throw new IllegalArgumentException("cannot resample [" + lo + ", " + hi + ") onto " + out + " samples");
        }
        double scale = length / out;
        double filterScale = Math.max(scale, 1.0);
        double support = RADIUS * filterScale;
        int stride = (int) Math.ceil(2 * support) + 2;
        int[] start = new int[out];
        int[] count = new int[out];
        float[] weights = new float[out * stride];
        double[] w = new double[stride];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < out; i++) {
            double centre = from + (i + 0.5) * scale;
            int first = Math.max(lo, (int) Math.floor(centre - support));
            int last = Math.min(hi - 1, (int) Math.ceil(centre + support));
            if (first > last) {                       // the centre fell outside the bounds: take the nearest sample
                first = Math.min(Math.max(lo, (int) Math.floor(centre)), hi - 1);
                last = first;
            }
            double sum = 0;
            int n = 0;
            for (int j = first; j <= last && n < stride; j++, n++) {
                w[n] = kernel((j + 0.5 - centre) / filterScale);
                sum += w[n];
            }
            // trim zero taps at both ends so the inner loops do no useless work
            int s = 0;
            while (s < n - 1 && w[s] == 0) {
                s++;
            }
            int e = n;
            while (e > s + 1 && w[e - 1] == 0) {
                e--;
            }
            if (sum == 0) {
                w[s] = 1;
                sum = 1;
                e = s + 1;
            }
            start[i] = first + s;
            count[i] = e - s;
            for (int k = s; k < e; k++) {
                weights[i * stride + k - s] = (float) (w[k] / sum);
            }
            min = Math.min(min, start[i]);
            max = Math.max(max, start[i] + count[i]);
        }
        return new Taps(start, count, weights, stride, min, max);
    }

    /** First source sample of output {@code i}. */
    public int start(int i) {
        return start[i];
    }

    /** Number of source samples of output {@code i}. */
    public int count(int i) {
        return count[i];
    }

    /** Weights of output {@code i} are at {@code weights()[i * stride() + t]}. */
    public float[] weights() {
        return weights;
    }

    public int stride() {
        return stride;
    }

    /** Number of output samples. */
    public int size() {
        return start.length;
    }

    /** Lowest source sample read. */
    public int min() {
        return min;
    }

    /** One past the highest source sample read. */
    public int max() {
        return max;
    }

    /** Highest tap count of any output. */
    public int maxCount() {
        int m = 0;
        for (int c : count) {
            m = Math.max(m, c);
        }
        return m;
    }
}
