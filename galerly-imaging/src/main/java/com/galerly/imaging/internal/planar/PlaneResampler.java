/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

/**
 * Separable Lanczos-3 resampling of one 8-bit {@link Plane}, written so that HotSpot's C2 compiler
 * (JDK 17 and later) turns both passes into SIMD code. C2 vectorises a loop only when it has no type conversion
 * and reads and writes the same index of distinct arrays; a horizontal filter on a row is a gather, which it
 * never vectorises. So, for each strip of {@link #LANES} output rows:
 * <ol>
 *   <li>source rows are converted once to float (a ring as tall as the vertical kernel);</li>
 *   <li>the vertical pass sums whole rows ({@code out[x] += w * row[x]}: vectorised);</li>
 *   <li>the strip is transposed so each source column becomes a small array of {@code LANES} floats;</li>
 *   <li>the horizontal pass then sums whole columns ({@code acc[r] += w * column[r]}: vectorised);</li>
 *   <li>the result is rounded into the output, in any of the 8 EXIF orientations (the transpose back is
 *       where a rotation costs nothing extra).</li>
 * </ol>
 * Memory beyond the output is a few strips: {@code O((source width + output width) x LANES)} floats.
 * Output rows are independent, so bands of rows can run on different threads ({@link #resample(Plane, Taps,
 * Taps, Plane, int, int, int)}).
 */
public final class PlaneResampler {
    /** Output rows per strip: long enough that the column loops run in full SIMD registers. */
    static final int LANES = 32;

    private PlaneResampler() {
    }

    /**
     * Resamples {@code src} with {@code wx} (over columns) and {@code wy} (over rows) into a new plane, displayed in
     * EXIF {@code orientation} (1..8; for 5..8 the output is {@code wy.size() x wx.size()}).
     */
    public static Plane resample(Plane src, Taps wx, Taps wy, int orientation) {
        boolean transposed = orientation >= 5;
        Plane dst = Plane.allocate(transposed ? wy.size() : wx.size(), transposed ? wx.size() : wy.size());
        resample(src, wx, wy, dst, orientation, 0, wy.size());
        return dst;
    }

    /**
     * Computes output rows {@code [from, to)} (in the source's orientation) into {@code dst}, which is
     * {@code wx.size() x wy.size()} as displayed in {@code orientation}. Bands of rows may run concurrently.
     */
    public static void resample(Plane src, Taps wx, Taps wy, Plane dst, int orientation, int from, int to) {
        if (wx.min() < 0 || wx.max() > src.width() || wy.min() < 0 || wy.max() > src.height()) {
            throw new IllegalArgumentException("taps read outside " + src);
        }
        int span = wx.max() - wx.min();
        int outW = wx.size();
        SourceRows rows = new SourceRows(src, wx.min(), span, wy.maxCount());
        float[][] vertical = new float[LANES][span];
        float[][] columns = new float[span][LANES];
        float[] acc = new float[LANES];
        float[] strip = new float[outW * LANES];
        Writer writer = new Writer(dst, orientation, outW, wy.size());
        for (int y0 = from; y0 < to; y0 += LANES) {
            Deadline.check("resampling");
            int n = Math.min(LANES, to - y0);
            for (int r = 0; r < n; r++) {
                vertical(rows, wy, y0 + r, vertical[r]);
            }
            transpose(vertical, n, columns, span);
            int min = wx.min();
            float[] weights = wx.weights();
            int stride = wx.stride();
            for (int ox = 0; ox < outW; ox++) {
                horizontal(columns, wx.start(ox) - min, wx.count(ox), weights, ox * stride, acc);
                System.arraycopy(acc, 0, strip, ox * LANES, LANES);
            }
            writer.write(strip, y0, n);
        }
    }

    /** Output row {@code oy} of the vertical pass: whole source rows, weighted. */
    private static void vertical(SourceRows rows, Taps wy, int oy, float[] out) {
        int s = wy.start(oy);
        int c = wy.count(oy);
        float[] weights = wy.weights();
        int wi = oy * wy.stride();
        int t = 0;
        if (c >= 4) {
            first4(weights[wi], rows.row(s), weights[wi + 1], rows.row(s + 1), weights[wi + 2], rows.row(s + 2),
                    weights[wi + 3], rows.row(s + 3), out);
            t = 4;
        } else {
            first(weights[wi], rows.row(s), out);
            t = 1;
        }
        for (; t + 4 <= c; t += 4) {
            add4(weights[wi + t], rows.row(s + t), weights[wi + t + 1], rows.row(s + t + 1), weights[wi + t + 2],
                    rows.row(s + t + 2), weights[wi + t + 3], rows.row(s + t + 3), out);
        }
        for (; t < c; t++) {
            add(weights[wi + t], rows.row(s + t), out);
        }
    }

    private static void first(float w, float[] row, float[] out) {
        for (int x = 0; x < out.length; x++) {
            out[x] = w * row[x];
        }
    }

    private static void add(float w, float[] row, float[] out) {
        for (int x = 0; x < out.length; x++) {
            out[x] += w * row[x];
        }
    }

    /** Four taps per pass over the output: a quarter of the loads and stores of the accumulator. */
    private static void first4(float w0, float[] r0, float w1, float[] r1, float w2, float[] r2, float w3, float[] r3,
                               float[] out) {
        for (int x = 0; x < out.length; x++) {
            out[x] = w0 * r0[x] + w1 * r1[x] + w2 * r2[x] + w3 * r3[x];
        }
    }

    private static void add4(float w0, float[] r0, float w1, float[] r1, float w2, float[] r2, float w3, float[] r3,
                             float[] out) {
        for (int x = 0; x < out.length; x++) {
            out[x] += w0 * r0[x] + w1 * r1[x] + w2 * r2[x] + w3 * r3[x];
        }
    }

    /** {@code columns[x][r] = rows[r][x]} for {@code r < n}, eight columns at a time. */
    private static void transpose(float[][] rows, int n, float[][] columns, int span) {
        int x = 0;
        for (; x + 8 <= span; x += 8) {
            transpose8(rows, n, columns, x);
        }
        for (; x < span; x++) {
            float[] c = columns[x];
            for (int r = 0; r < n; r++) {
                c[r] = rows[r][x];
            }
        }
    }

    private static void transpose8(float[][] rows, int n, float[][] columns, int x) {
        float[] c0 = columns[x];
        float[] c1 = columns[x + 1];
        float[] c2 = columns[x + 2];
        float[] c3 = columns[x + 3];
        float[] c4 = columns[x + 4];
        float[] c5 = columns[x + 5];
        float[] c6 = columns[x + 6];
        float[] c7 = columns[x + 7];
        for (int r = 0; r < n; r++) {
            float[] v = rows[r];
            c0[r] = v[x];
            c1[r] = v[x + 1];
            c2[r] = v[x + 2];
            c3[r] = v[x + 3];
            c4[r] = v[x + 4];
            c5[r] = v[x + 5];
            c6[r] = v[x + 6];
            c7[r] = v[x + 7];
        }
    }

    /** One output column of the strip: whole source columns, weighted. */
    private static void horizontal(float[][] columns, int s, int c, float[] weights, int wi, float[] acc) {
        int t;
        if (c >= 4) {
            first4(weights[wi], columns[s], weights[wi + 1], columns[s + 1], weights[wi + 2], columns[s + 2],
                    weights[wi + 3], columns[s + 3], acc);
            t = 4;
        } else {
            first(weights[wi], columns[s], acc);
            t = 1;
        }
        for (; t + 4 <= c; t += 4) {
            add4(weights[wi + t], columns[s + t], weights[wi + t + 1], columns[s + t + 1], weights[wi + t + 2],
                    columns[s + t + 2], weights[wi + t + 3], columns[s + t + 3], acc);
        }
        for (; t < c; t++) {
            add(weights[wi + t], columns[s + t], acc);
        }
    }

    static int round(float v) {
        int i = (int) (v + 0.5f);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    /** Source rows converted to float on first use, kept in a ring as tall as the vertical kernel. */
    private static final class SourceRows {
        private final byte[] data;
        private final int stride;
        private final int x0;
        private final float[][] ring;
        private final int[] held;

        SourceRows(Plane src, int x0, int span, int height) {
            this.data = src.data();
            this.stride = src.stride();
            this.x0 = x0;
            this.ring = new float[height + 1][span];
            this.held = new int[height + 1];
            java.util.Arrays.fill(held, -1);
        }

        float[] row(int y) {
            int slot = y % ring.length;
            float[] r = ring[slot];
            if (held[slot] != y) {
                convert(data, y * stride + x0, r);
                held[slot] = y;
            }
            return r;
        }

        private static void convert(byte[] data, int at, float[] row) {
            for (int x = 0; x < row.length; x++) {
                row[x] = data[at + x] & 0xFF;
            }
        }
    }

    /**
     * Rounds strips into the output plane in the requested orientation. Output {@code (ox, oy)} in the source's
     * orientation lands at {@code base + ox * dx + oy * dy} of the destination array.
     */
    private static final class Writer {
        private final byte[] out;
        private final int base;
        private final int dx;
        private final int dy;
        private final boolean transposed;
        private final int width;

        Writer(Plane dst, int orientation, int width, int height) {
            int stride = dst.stride();
            this.out = dst.data();
            this.width = width;
            this.transposed = orientation >= 5;
            int w1 = width - 1;
            int h1 = height - 1;
            switch (orientation) {
                case 1 -> { base = 0; dx = 1; dy = stride; }
                case 2 -> { base = w1; dx = -1; dy = stride; }                     // mirrored horizontally
                case 3 -> { base = h1 * stride + w1; dx = -1; dy = -stride; }      // rotated 180
                case 4 -> { base = h1 * stride; dx = 1; dy = -stride; }            // mirrored vertically
                case 5 -> { base = 0; dx = stride; dy = 1; }                        // transposed
                case 6 -> { base = h1; dx = stride; dy = -1; }                      // rotated 90 clockwise
                case 7 -> { base = w1 * stride + h1; dx = -stride; dy = -1; }       // transversed
                case 8 -> { base = w1 * stride; dx = -stride; dy = 1; }             // rotated 90 counter-clockwise
                default -> throw new IllegalArgumentException("orientation must be 1..8, was " + orientation);
            }
        }

        void write(float[] strip, int y0, int n) {
            if (transposed) {
                // a source-orientation column is a destination row: the strip is already in that order
                for (int ox = 0; ox < width; ox++) {
                    run(strip, ox * LANES, out, base + ox * dx + y0 * dy, dy, n);
                }
            } else {
                int r = 0;
                for (; r + 8 <= n; r += 8) {
                    rows8(strip, r, out, base + (y0 + r) * dy, dx, dy, width);
                }
                for (; r < n; r++) {
                    column(strip, r, out, base + (y0 + r) * dy, dx, width);
                }
            }
        }

        private static void run(float[] strip, int from, byte[] out, int at, int step, int n) {
            for (int r = 0; r < n; r++, at += step) {
                out[at] = (byte) round(strip[from + r]);
            }
        }

        /** Eight output rows at once: each column's eight values are adjacent in the strip. */
        private static void rows8(float[] strip, int r, byte[] out, int at, int step, int dy, int width) {
            for (int ox = 0, i = r; ox < width; ox++, i += LANES, at += step) {
                out[at] = (byte) round(strip[i]);
                out[at + dy] = (byte) round(strip[i + 1]);
                out[at + 2 * dy] = (byte) round(strip[i + 2]);
                out[at + 3 * dy] = (byte) round(strip[i + 3]);
                out[at + 4 * dy] = (byte) round(strip[i + 4]);
                out[at + 5 * dy] = (byte) round(strip[i + 5]);
                out[at + 6 * dy] = (byte) round(strip[i + 6]);
                out[at + 7 * dy] = (byte) round(strip[i + 7]);
            }
        }

        private static void column(float[] strip, int r, byte[] out, int at, int step, int width) {
            for (int ox = 0, i = r; ox < width; ox++, i += LANES, at += step) {
                out[at] = (byte) round(strip[i]);
            }
        }
    }
}
