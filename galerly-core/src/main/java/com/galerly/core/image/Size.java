/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/**
 * A pixel size.
 *
 * @param width  at least 1
 * @param height at least 1
 */
public record Size(int width, int height) {
    public Size {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, was " + width + "x" + height);
        }
    }

    public static Size of(int width, int height) {
        return new Size(width, height);
    }

    /** Width times height. */
    public long pixels() {
        return (long) width * height;
    }

    /** The size with width and height swapped (what a 90-degree rotation gives). */
    public Size transposed() {
        return new Size(height, width);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
