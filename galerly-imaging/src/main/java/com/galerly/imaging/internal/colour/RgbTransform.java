/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

/**
 * A colour conversion of 8-bit RGB pixels to sRGB, in place, a run of pixels at a time (so the per-pixel cost is
 * the arithmetic, not a call). Implementations are immutable and safe to share between threads.
 */
public interface RgbTransform {
    /** Converts the packed RGB pixels {@code rgb[from..to)} (alpha, if any, is kept). */
    void apply(int[] rgb, int from, int to);
}
