/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Kernels;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.Plane;
import java.util.Arrays;

/**
 * Where decoded blocks become samples, for sequential and progressive decoding alike: the planes at the decode's
 * scale (whole MCUs, so every block has room) and the inverse DCT of a row of MCUs into them. At 1/8 a block's
 * one sample is its DC ({@link #dcSample}), without a transform.
 */
final class SampleOutput {
    final int scale;
    final int bs;
    final JpegPlanarDecoder.Component[] comps;
    final byte[][] out;
    final int[] strides;
    /** Blocks across one MCU row of each component. */
    final int[] across;
    private final Plane[] planes;
    private final int[] fx;
    private final int[] fy;
    private final int[][] quant;
    /** {@link #quant} in natural order, for {@link InverseDct#transformBlock}. */
    private final int[][] natural;
    private final int width;
    private final int height;

    SampleOutput(JpegPlanarDecoder.Header header, JpegPlanarDecoder.Component[] comps, int scale) {
        int n = comps.length;
        this.scale = scale;
        this.bs = 8 / scale;
        this.comps = comps;
        int mcusX = header.mcusX();
        int mcusY = header.mcusY();
        planes = new Plane[n];
        out = new byte[n][];
        strides = new int[n];
        across = new int[n];
        fx = new int[n];
        fy = new int[n];
        quant = new int[n][];
        natural = new int[n][64];
        for (int i = 0; i < n; i++) {
            JpegPlanarDecoder.Component c = comps[i];
            across[i] = mcusX * c.h;
            strides[i] = across[i] * bs;
            int rows = mcusY * c.v * bs;
            out[i] = new byte[Math.multiplyExact(strides[i], rows)];
            int w = ceilDiv((long) header.width * c.h, (long) header.hmax * scale);
            int h = ceilDiv((long) header.height * c.v, (long) header.vmax * scale);
            planes[i] = new Plane(out[i], w, h, strides[i]);
            fx[i] = header.hmax / c.h;
            fy[i] = header.vmax / c.v;
            quant[i] = c.quant == null ? new int[64] : Arrays.copyOf(c.quant, 64);
            for (int k = 0; k < 64; k++) {
                natural[i][JpegPlanarDecoder.NATURAL[k]] = quant[i][k];
            }
        }
        width = ceilDiv(header.width, scale);
        height = ceilDiv(header.height, scale);
    }

    /** Buffers for the coefficients of one MCU row of every component. */
    InverseDct[] rows() {
        InverseDct[] rows = new InverseDct[comps.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new InverseDct(across[i] * comps[i].v);
        }
        return rows;
    }

    /** The sample of a 1/8 decode: the block's mean, its DC / 8 plus the level shift (what a 1x1 IDCT yields). */
    byte dcSample(int component, int dc) {
        int v = Math.round(dc * quant[component][0] / 8f) + 128;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /** The inverse DCT of MCU row {@code my} (quantised coefficients in {@code rows}), written into the planes. */
    void emit(InverseDct[] rows, int my) {
        for (int i = 0; i < comps.length; i++) {
            JpegPlanarDecoder.Component c = comps[i];
            int stride = strides[i];
            int lanes = across[i] * c.v;
            if (scale == 1 && Kernels.SCALAR) {
                for (int by = 0; by < c.v; by++) {
                    int rowAt = (my * c.v + by) * 8 * stride;
                    for (int bx = 0, lane = by * across[i]; bx < across[i]; bx++, lane++) {
                        rows[i].transformBlock(lane, natural[i], out[i], rowAt + bx * 8, stride);
                    }
                }
                continue;
            }
            rows[i].dequantise(quant[i], lanes);
            if (scale == 2) {
                rows[i].transformHalf(lanes);
            } else {
                rows[i].transform(lanes);
                if (scale == 4) {
                    rows[i].reduceQuarter(lanes);
                }
            }
            for (int by = 0; by < c.v; by++) {
                int rowAt = (my * c.v + by) * bs * stride;
                if (scale == 1) {
                    rows[i].store(by * across[i], across[i], out[i], rowAt, stride);
                } else {
                    rows[i].storeReduced(scale, by * across[i], across[i], out[i], rowAt, stride);
                }
            }
        }
    }

    PlanarImage image() {
        return new PlanarImage(width, height, planes, fx, fy);
    }

    static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }
}
