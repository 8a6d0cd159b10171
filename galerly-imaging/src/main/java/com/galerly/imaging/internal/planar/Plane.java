/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import java.util.Objects;

/**
 * One channel of 8-bit samples (luma, a chroma channel, grey), row-major with a stride. Rows beyond
 * {@code height} and columns beyond {@code width} may exist as padding (a JPEG decoder writes whole blocks);
 * nothing reads them.
 */
public final class Plane {
    private final byte[] data;
    private final int width;
    private final int height;
    private final int stride;

    public Plane(byte[] data, int width, int height, int stride) {
        Objects.requireNonNull(data, "data");
        if (width < 1 || height < 1 || stride < width || (long) stride * (height - 1) + width > data.length) {
            throw new IllegalArgumentException("plane " + width + "x" + height + " (stride " + stride
                    + ") does not fit " + data.length + " bytes");
        }
        this.data = data;
        this.width = width;
        this.height = height;
        this.stride = stride;
    }

    /** A new zeroed plane without padding. */
    public static Plane allocate(int width, int height) {
        return new Plane(new byte[Math.multiplyExact(width, height)], width, height, width);
    }

    public byte[] data() {
        return data;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int stride() {
        return stride;
    }

    /** Sample at {@code (x, y)}, 0..255. */
    public int at(int x, int y) {
        return data[y * stride + x] & 0xFF;
    }

    @Override
    public String toString() {
        return "Plane[" + width + "x" + height + ", stride " + stride + "]";
    }
}
