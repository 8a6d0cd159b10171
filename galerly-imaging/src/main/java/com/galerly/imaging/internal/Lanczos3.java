/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

/**
 * A separable Lanczos-3 resampler on premultiplied alpha. Weight tables are computed once per axis; the
 * horizontal pass runs once per source row that any output row needs, into a ring of rows just tall enough
 * for the vertical kernel, so memory is O(output width x kernel height) beyond the output itself.
 *
 * <p>The source region may be fractional (a crop mapped into a smaller, already rendered source); taps are
 * limited to the pixels the region touches and renormalised at the edges, so a crop never bleeds in pixels
 * from outside it.
 */
final class Lanczos3 {
    private static final double RADIUS = 3.0;

    private Lanczos3() {
    }

    /** Contributions of source pixels to each output pixel along one axis. */
    static final class Weights {
        final int[] start;
        final int[] count;
        final float[] weights;
        final int stride;
        final int min;
        final int max;

        private Weights(int[] start, int[] count, float[] weights, int stride, int min, int max) {
            this.start = start;
            this.count = count;
            this.weights = weights;
            this.stride = stride;
            this.min = min;
            this.max = max;
        }
    }

    static double kernel(double x) {
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
     * Weights mapping the source span {@code [from, from + length)} onto {@code out} pixels, reading only
     * source pixels in {@code [lo, hi)}.
     */
    static Weights weights(double from, double length, int out, int lo, int hi) {
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
            if (sum == 0) {                                  // cannot happen with a centred tap, but never divide by 0
                sum = 1;
            }
            start[i] = first + s;
            count[i] = e - s;
            for (int k = s; k < e; k++) {
                weights[i * stride + k - s] = (float) (w[k] / sum);
            }
            min = Math.min(min, start[i]);
            max = Math.max(max, start[i] + count[i]);
        }
        return new Weights(start, count, weights, stride, min, max);
    }

    /**
     * Resamples the region {@code (x, y, w, h)} of {@code src} to {@code outW x outH} packed ARGB ints
     * (non-premultiplied; alpha 0xFF when the source has none).
     */
    static int[] resample(PixelSource src, double x, double y, double w, double h, int outW, int outH) {
        Weights wx = weights(x, w, outW, bound(Math.floor(x), src.width()), bound(Math.ceil(x + w), src.width()));
        Weights wy = weights(y, h, outH, bound(Math.floor(y), src.height()), bound(Math.ceil(y + h), src.height()));
        boolean alpha = src.alpha();
        int channels = alpha ? 4 : 3;
        int rowLength = wx.max - wx.min;
        int[] in = new int[rowLength];
        float[] premul = new float[rowLength * channels];
        int ringSize = wy.stride;
        float[][] ring = new float[ringSize][outW * channels];
        int[] ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        int[] out = new int[Math.multiplyExact(outW, outH)];
        float[] acc = new float[outW * channels];
        for (int oy = 0; oy < outH; oy++) {
            int sy = wy.start[oy];
            int taps = wy.count[oy];
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < taps; t++) {
                int row = sy + t;
                int slot = row % ringSize;
                if (ringRow[slot] != row) {
                    horizontal(src, row, wx, in, premul, ring[slot], channels);
                    ringRow[slot] = row;
                }
                float k = wy.weights[oy * wy.stride + t];
                float[] r = ring[slot];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += k * r[i];
                }
            }
            store(acc, out, oy * outW, outW, alpha);
        }
        return out;
    }

    private static int bound(double v, int size) {
        return (int) Math.max(0, Math.min(size, v));
    }

    private static void horizontal(PixelSource src, int row, Weights wx, int[] in, float[] premul, float[] dst,
                                   int channels) {
        int n = wx.max - wx.min;
        src.row(row, wx.min, n, in);
        if (channels == 4) {
            for (int i = 0, p = 0; i < n; i++, p += 4) {
                int c = in[i];
                float a = (c >>> 24) * (1f / 255f);
                premul[p] = (c >> 16 & 0xFF) * a;
                premul[p + 1] = (c >> 8 & 0xFF) * a;
                premul[p + 2] = (c & 0xFF) * a;
                premul[p + 3] = c >>> 24;
            }
        } else {
            for (int i = 0, p = 0; i < n; i++, p += 3) {
                int c = in[i];
                premul[p] = c >> 16 & 0xFF;
                premul[p + 1] = c >> 8 & 0xFF;
                premul[p + 2] = c & 0xFF;
            }
        }
        int outW = wx.start.length;
        for (int ox = 0; ox < outW; ox++) {
            int base = (wx.start[ox] - wx.min) * channels;
            int taps = wx.count[ox];
            int wi = ox * wx.stride;
            float r = 0;
            float g = 0;
            float b = 0;
            float a = 0;
            if (channels == 4) {
                for (int t = 0, p = base; t < taps; t++, p += 4) {
                    float k = wx.weights[wi + t];
                    r += k * premul[p];
                    g += k * premul[p + 1];
                    b += k * premul[p + 2];
                    a += k * premul[p + 3];
                }
                int d = ox * 4;
                dst[d] = r;
                dst[d + 1] = g;
                dst[d + 2] = b;
                dst[d + 3] = a;
            } else {
                for (int t = 0, p = base; t < taps; t++, p += 3) {
                    float k = wx.weights[wi + t];
                    r += k * premul[p];
                    g += k * premul[p + 1];
                    b += k * premul[p + 2];
                }
                int d = ox * 3;
                dst[d] = r;
                dst[d + 1] = g;
                dst[d + 2] = b;
            }
        }
    }

    private static void store(float[] acc, int[] out, int at, int outW, boolean alpha) {
        if (alpha) {
            for (int x = 0, p = 0; x < outW; x++, p += 4) {
                float a = acc[p + 3];
                if (a < 0.5f) {
                    out[at + x] = 0;           // fully transparent: colour carries no information
                    continue;
                }
                float k = 255f / a;
                out[at + x] = Pixels.clamp(a) << 24 | Pixels.clamp(acc[p] * k) << 16 | Pixels.clamp(acc[p + 1] * k) << 8
                        | Pixels.clamp(acc[p + 2] * k);
            }
        } else {
            for (int x = 0, p = 0; x < outW; x++, p += 3) {
                out[at + x] = 0xFF000000 | Pixels.clamp(acc[p]) << 16 | Pixels.clamp(acc[p + 1]) << 8
                        | Pixels.clamp(acc[p + 2]);
            }
        }
    }
}
