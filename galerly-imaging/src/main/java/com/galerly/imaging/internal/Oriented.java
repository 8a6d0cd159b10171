/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

/**
 * A view of stored pixels as displayed under an EXIF orientation (1..8, mirrors and transposes included),
 * mapping coordinates instead of rotating a copy: a rotated phone photo costs no extra heap.
 */
final class Oriented implements PixelSource {
    private final PixelSource stored;
    private final int orientation;
    private final int sw1;
    private final int sh1;

    private Oriented(PixelSource stored, int orientation) {
        this.stored = stored;
        this.orientation = orientation;
        this.sw1 = stored.width() - 1;
        this.sh1 = stored.height() - 1;
    }

    /** {@code stored} as displayed; the same object for orientation 1. */
    static PixelSource of(PixelSource stored, int orientation) {
        return orientation == 1 ? stored : new Oriented(stored, orientation);
    }

    @Override
    public int width() {
        return orientation >= 5 ? stored.height() : stored.width();
    }

    @Override
    public int height() {
        return orientation >= 5 ? stored.width() : stored.height();
    }

    @Override
    public boolean alpha() {
        return stored.alpha();
    }

    @Override
    public int pixel(int x, int y) {
        return switch (orientation) {
            case 2 -> stored.pixel(sw1 - x, y);              // mirrored horizontally
            case 3 -> stored.pixel(sw1 - x, sh1 - y);        // rotated 180
            case 4 -> stored.pixel(x, sh1 - y);              // mirrored vertically
            case 5 -> stored.pixel(y, x);                    // transposed
            case 6 -> stored.pixel(y, sh1 - x);              // shown rotated 90 clockwise
            case 7 -> stored.pixel(sw1 - y, sh1 - x);        // transversed
            case 8 -> stored.pixel(sw1 - y, x);              // shown rotated 90 counter-clockwise
            default -> stored.pixel(x, y);
        };
    }

    @Override
    public void row(int y, int x, int n, int[] out) {
        if (orientation == 4) {
            stored.row(sh1 - y, x, n, out);
        } else {
            PixelSource.super.row(y, x, n, out);
        }
    }
}
