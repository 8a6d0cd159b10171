/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** Colour differences for tests: CIE76 delta-E (Euclidean in CIELAB, D65 white) between two sRGB colours. */
public final class DeltaE {
    private DeltaE() {
    }

    /** CIE76 delta-E between packed sRGB colours {@code a} and {@code b}. */
    public static double cie76(int a, int b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    static double[] lab(int rgb) {
        double r = linear((rgb >> 16 & 0xFF) / 255.0);
        double g = linear((rgb >> 8 & 0xFF) / 255.0);
        double b = linear((rgb & 0xFF) / 255.0);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** LittleCMS's conversion (the JDK's ColorConvertOp) of packed RGB pixels in {@code icc}'s space to sRGB. */
    public static int[] lcms(byte[] icc, int[] rgb) {
        int n = rgb.length;
        byte[] samples = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            samples[3 * i] = (byte) (rgb[i] >> 16);
            samples[3 * i + 1] = (byte) (rgb[i] >> 8);
            samples[3 * i + 2] = (byte) rgb[i];
        }
        ComponentColorModel cm = new ComponentColorModel(new ICC_ColorSpace(ICC_Profile.getInstance(icc)), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage from = new BufferedImage(cm, Raster.createInterleavedRaster(new DataBufferByte(samples, 3 * n), n,
                1, 3 * n, 3, new int[] {0, 1, 2}, null), false, null);
        BufferedImage to = new BufferedImage(n, 1, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(from, to);
        int[] out = new int[n];
        to.getRGB(0, 0, n, 1, out, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }
}
