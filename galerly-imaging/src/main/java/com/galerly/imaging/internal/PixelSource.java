/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

/**
 * Pixels as 8-bit sRGB, non-premultiplied ARGB ints, read row by row without copying the whole image.
 * Views over decoded images, over rendered renditions and oriented views all share this shape, so the
 * resampler reads any of them the same way.
 */
interface PixelSource {
    int width();

    int height();

    /** Whether any pixel may be transparent (false: alpha is always 0xFF). */
    boolean alpha();

    /** One pixel. */
    int pixel(int x, int y);

    /** {@code n} pixels of row {@code y} starting at {@code x}, into {@code out[0..n)}. */
    default void row(int y, int x, int n, int[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = pixel(x + i, y);
        }
    }
}
