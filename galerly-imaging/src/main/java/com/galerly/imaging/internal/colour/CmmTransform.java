/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Any RGB profile the JDK's colour management (LittleCMS) reads, LUT-based ones included: the CMM converts a
 * 33x33x33 grid of colours once (as LittleCMS itself samples a LUT-based transform for 8-bit data), and pixels are
 * interpolated in it, trilinearly. One conversion by the CMM per photo, whatever the number of pixels.
 */
final class CmmTransform implements RgbTransform {
    static final int GRID = 33;
    /** Converted grid points, packed RGB, index (r * GRID + g) * GRID + b. */
    private final int[] lut;
    private final String description;

    private CmmTransform(int[] lut, String description) {
        this.lut = lut;
        this.description = description;
    }

    /** The transform from {@code profile} (an RGB profile) to sRGB. */
    static CmmTransform of(ICC_Profile profile, String description) {
        int n = GRID * GRID * GRID;
        byte[] samples = new byte[n * 3];
        for (int i = 0, o = 0; i < n; i++) {
            samples[o++] = (byte) level(i / (GRID * GRID));
            samples[o++] = (byte) level(i / GRID % GRID);
            samples[o++] = (byte) level(i % GRID);
        }
        ColorSpace from = new ICC_ColorSpace(profile);
        ComponentColorModel cm = new ComponentColorModel(from, false, false, java.awt.Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(samples, samples.length), n, 1, n * 3,
                3, new int[] {0, 1, 2}, null);
        BufferedImage grid = new BufferedImage(cm, raster, false, null);
        BufferedImage srgb = new BufferedImage(n, 1, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(grid, srgb);
        int[] lut = new int[n];
        srgb.getRGB(0, 0, n, 1, lut, 0, n);
        return new CmmTransform(lut, description);
    }

    /** The 8-bit level of grid index {@code i} (0, 8, 16, ... 248, 255). */
    private static int level(int i) {
        return Math.min(255, i * 8);
    }

    @Override
    public void apply(int[] rgb, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = rgb[i];
            int r = p >> 16 & 0xFF;
            int g = p >> 8 & 0xFF;
            int b = p & 0xFF;
            // the grid index and the weight (0..8, of 8) of the next point; the last cell spans 248..255
            int ri = Math.min(r >> 3, GRID - 2);
            int gi = Math.min(g >> 3, GRID - 2);
            int bi = Math.min(b >> 3, GRID - 2);
            float rf = fraction(r, ri);
            float gf = fraction(g, gi);
            float bf = fraction(b, bi);
            int base = (ri * GRID + gi) * GRID + bi;
            int out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                float c000 = lut[base] >> shift & 0xFF;
                float c001 = lut[base + 1] >> shift & 0xFF;
                float c010 = lut[base + GRID] >> shift & 0xFF;
                float c011 = lut[base + GRID + 1] >> shift & 0xFF;
                float c100 = lut[base + GRID * GRID] >> shift & 0xFF;
                float c101 = lut[base + GRID * GRID + 1] >> shift & 0xFF;
                float c110 = lut[base + GRID * GRID + GRID] >> shift & 0xFF;
                float c111 = lut[base + GRID * GRID + GRID + 1] >> shift & 0xFF;
                float c00 = c000 + (c001 - c000) * bf;
                float c01 = c010 + (c011 - c010) * bf;
                float c10 = c100 + (c101 - c100) * bf;
                float c11 = c110 + (c111 - c110) * bf;
                float c0 = c00 + (c01 - c00) * gf;
                float c1 = c10 + (c11 - c10) * gf;
                out |= (int) (c0 + (c1 - c0) * rf + 0.5f) << shift;
            }
            rgb[i] = p & 0xFF000000 | out;
        }
    }

    private static float fraction(int v, int index) {
        int lo = level(index);
        return (v - lo) / (float) (level(index + 1) - lo);
    }

    @Override
    public String toString() {
        return "CmmTransform[" + description + " -> sRGB, " + GRID + "^3 grid]";
    }
}
