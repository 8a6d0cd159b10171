/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

/**
 * Area averages onto a few pixels: a placeholder (BlurHash) needs only the colours of a 64-pixel miniature,
 * not every pixel of a rendition. Output pixel {@code (i, j)} averages the source pixels whose index, scaled,
 * falls into it.
 */
public final class BoxFilter {
    private BoxFilter() {
    }

    /** {@code plane} averaged onto {@code tw x th} samples. */
    public static Plane plane(Plane plane, int tw, int th) {
        int w = plane.width();
        int h = plane.height();
        int[] column = buckets(w, tw);
        int[] sum = new int[tw * th];
        int[] count = new int[tw * th];
        int[] rowSum = new int[tw];
        int[] rowCount = new int[tw];
        byte[] d = plane.data();
        int[] rows = buckets(h, th);
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(rowSum, 0);
            java.util.Arrays.fill(rowCount, 0);
            int o = y * plane.stride();
            for (int x = 0; x < w; x++) {
                int i = column[x];
                rowSum[i] += d[o + x] & 0xFF;
                rowCount[i]++;
            }
            int row = rows[y] * tw;
            for (int i = 0; i < tw; i++) {
                sum[row + i] += rowSum[i];
                count[row + i] += rowCount[i];
            }
        }
        byte[] out = new byte[tw * th];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((sum[i] + count[i] / 2) / Math.max(1, count[i]));
        }
        return new Plane(out, tw, th, tw);
    }

    /** The output index of each of {@code n} inputs, when {@code n} are averaged onto {@code out}. */
    private static int[] buckets(int n, int out) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = (int) ((long) i * out / n);
        }
        return b;
    }

    /** Opaque packed RGB averaged onto {@code tw x th} pixels. */
    public static int[] argb(int[] argb, int w, int h, int tw, int th) {
        long[] sum = new long[tw * th * 3];
        int[] count = new int[tw * th];
        for (int y = 0; y < h; y++) {
            int row = (int) ((long) y * th / h) * tw;
            for (int x = 0; x < w; x++) {
                int i = row + (int) ((long) x * tw / w);
                int p = argb[y * w + x];
                sum[3 * i] += p >> 16 & 0xFF;
                sum[3 * i + 1] += p >> 8 & 0xFF;
                sum[3 * i + 2] += p & 0xFF;
                count[i]++;
            }
        }
        int[] out = new int[tw * th];
        for (int i = 0; i < out.length; i++) {
            int n = Math.max(1, count[i]);
            out[i] = 0xFF000000 | (int) ((sum[3 * i] + n / 2) / n) << 16 | (int) ((sum[3 * i + 1] + n / 2) / n) << 8
                    | (int) ((sum[3 * i + 2] + n / 2) / n);
        }
        return out;
    }
}
