/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/**
 * A rectangle of source pixels.
 *
 * @param x      left edge, from 0
 * @param y      top edge, from 0
 * @param width  at least 1
 * @param height at least 1
 */
public record Region(int x, int y, int width, int height) {
    public Region {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("invalid region " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** Whether the region lies within an image of that size. */
    public boolean within(Size size) {
        return (long) x + width <= size.width() && (long) y + height <= size.height();
    }

    public Size size() {
        return new Size(width, height);
    }
}
