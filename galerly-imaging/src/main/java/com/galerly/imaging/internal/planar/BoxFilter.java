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
        long[] sum = new long[tw * th];
        int[] count = new int[tw * th];
        byte[] d = plane.data();
        for (int y = 0; y < h; y++) {
            int row = (int) ((long) y * th / h) * tw;
            int o = y * plane.stride();
            for (int x = 0; x < w; x++) {
                int i = row + (int) ((long) x * tw / w);
                sum[i] += d[o + x] & 0xFF;
                count[i]++;
            }
        }
        byte[] out = new byte[tw * th];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((sum[i] + count[i] / 2) / Math.max(1, count[i]));
        }
        return new Plane(out, tw, th, tw);
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
