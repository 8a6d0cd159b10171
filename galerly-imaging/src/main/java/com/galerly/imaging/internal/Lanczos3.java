/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.Taps;

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
    private Lanczos3() {
    }

    /**
     * Resamples the region {@code (x, y, w, h)} of {@code src} to {@code outW x outH} packed ARGB ints
     * (non-premultiplied; alpha 0xFF when the source has none).
     */
    static int[] resample(PixelSource src, double x, double y, double w, double h, int outW, int outH) {
        Taps wx = Taps.lanczos3(x, w, outW, bound(Math.floor(x), src.width()), bound(Math.ceil(x + w), src.width()));
        Taps wy = Taps.lanczos3(y, h, outH, bound(Math.floor(y), src.height()), bound(Math.ceil(y + h), src.height()));
        boolean alpha = src.alpha();
        int channels = alpha ? 4 : 3;
        int rowLength = wx.max() - wx.min();
        int[] in = new int[rowLength];
        float[] premul = new float[rowLength * channels];
        int ringSize = wy.stride();
        float[][] ring = new float[ringSize][outW * channels];
        int[] ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        int[] out = new int[Math.multiplyExact(outW, outH)];
        float[] acc = new float[outW * channels];
        for (int oy = 0; oy < outH; oy++) {
            Deadline.check("resampling");
            int sy = wy.start(oy);
            int taps = wy.count(oy);
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < taps; t++) {
                int row = sy + t;
                int slot = row % ringSize;
                if (ringRow[slot] != row) {
                    horizontal(src, row, wx, in, premul, ring[slot], channels);
                    ringRow[slot] = row;
                }
                float k = wy.weights()[oy * wy.stride() + t];
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

    private static void horizontal(PixelSource src, int row, Taps wx, int[] in, float[] premul, float[] dst,
                                   int channels) {
        int n = wx.max() - wx.min();
        src.row(row, wx.min(), n, in);
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
        int outW = wx.size();
        float[] weights = wx.weights();
        for (int ox = 0; ox < outW; ox++) {
            int base = (wx.start(ox) - wx.min()) * channels;
            int taps = wx.count(ox);
            int wi = ox * wx.stride();
            float r = 0;
            float g = 0;
            float b = 0;
            float a = 0;
            if (channels == 4) {
                for (int t = 0, p = base; t < taps; t++, p += 4) {
                    float k = weights[wi + t];
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
                    float k = weights[wi + t];
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
