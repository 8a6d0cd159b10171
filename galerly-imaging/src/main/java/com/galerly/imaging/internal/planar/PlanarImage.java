/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import java.util.Objects;

/**
 * An opaque 8-bit image as planes: grey (one plane) or JFIF YCbCr (Y, Cb, Cr, full-range BT.601), chroma
 * possibly subsampled. {@code factorX[i]} x {@code factorY[i]} image pixels share one sample of plane {@code i}
 * (1, 2 or 4), samples sited at the centre of their pixels, as in JPEG.
 */
public final class PlanarImage {
    private final int width;
    private final int height;
    private final Plane[] planes;
    private final int[] factorX;
    private final int[] factorY;

    public PlanarImage(int width, int height, Plane[] planes, int[] factorX, int[] factorY) {
        if (planes.length != 1 && planes.length != 3 || factorX.length != planes.length
                || factorY.length != planes.length) {
            throw new IllegalArgumentException("a planar image has 1 (grey) or 3 (YCbCr) planes, was " + planes.length);
        }
        for (int i = 0; i < planes.length; i++) {
            Objects.requireNonNull(planes[i], "plane");
            if (planes[i].width() < (width + factorX[i] - 1) / factorX[i]
                    || planes[i].height() < (height + factorY[i] - 1) / factorY[i]) {
                throw new IllegalArgumentException("plane " + i + " (" + planes[i] + ") does not cover "
                        + width + "x" + height + " at 1/" + factorX[i] + " x 1/" + factorY[i]);
            }
        }
        this.width = width;
        this.height = height;
        this.planes = planes.clone();
        this.factorX = factorX.clone();
        this.factorY = factorY.clone();
    }

    /** A YCbCr 4:2:0 image from its planes (chroma {@code ceil(w/2) x ceil(h/2)}), or grey from one plane. */
    public static PlanarImage of(int width, int height, Plane... planes) {
        int[] f = planes.length == 1 ? new int[] {1} : new int[] {1, 2, 2};
        return new PlanarImage(width, height, planes, f, f);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean grey() {
        return planes.length == 1;
    }

    public int planeCount() {
        return planes.length;
    }

    public Plane plane(int i) {
        return planes[i];
    }

    public int factorX(int i) {
        return factorX[i];
    }

    public int factorY(int i) {
        return factorY[i];
    }

    /** Samples held, for memory accounting. */
    public long bytes() {
        long n = 0;
        for (Plane p : planes) {
            n += p.data().length;
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PlanarImage[").append(width).append('x').append(height);
        for (int i = 0; i < planes.length; i++) {
            b.append(i == 0 ? ", " : " + ").append(factorX[i]).append('x').append(factorY[i]);
        }
        return b.append(']').toString();
    }
}
