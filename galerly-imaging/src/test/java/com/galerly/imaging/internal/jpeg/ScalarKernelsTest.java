/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The block-by-block DCTs a JVM compiling with C1 alone runs ({@code InverseDct.transformBlock},
 * {@code ForwardDct.transformBlock}) give exactly what the SIMD lane loops give, block for block: over sparse
 * coefficient patterns (the ones libjpeg's zero shortcuts take), dense ones, extremes of the sample range and random
 * quantisation tables. The whole decoder and encoder also run with {@code -Dgalerly.imaging.kernels=scalar}
 * (the surefire execution {@code scalar-kernels}), where their tests compare with the JDK's decoder and libjpeg.
 */
class ScalarKernelsTest {
    private static final int BLOCKS = 96;

    @Test
    void inverseDctBlockByBlockEqualsTheLanes() {
        Random random = new Random(20261203L);
        for (int round = 0; round < 200; round++) {
            int[] quant = quantTable(random, round);           // zigzag order, as the decoder keeps it
            int[] natural = new int[64];
            for (int k = 0; k < 64; k++) {
                natural[JpegPlanarDecoder.NATURAL[k]] = quant[k];
            }
            InverseDct lanes = new InverseDct(BLOCKS);
            InverseDct blocks = new InverseDct(BLOCKS);
            for (int b = 0; b < BLOCKS; b++) {
                int[] c = coefficients(random, b % 8);
                for (int pos = 0; pos < 64; pos++) {
                    lanes.coef[pos][b] = c[pos];
                    blocks.coef[pos][b] = c[pos];
                }
            }
            int stride = BLOCKS * 8 + 5;
            byte[] expected = new byte[stride * 8];
            byte[] actual = new byte[stride * 8];
            lanes.dequantise(quant, BLOCKS);
            lanes.transform(BLOCKS);
            lanes.store(0, BLOCKS, expected, 0, stride);
            for (int b = 0; b < BLOCKS; b++) {
                blocks.transformBlock(b, natural, actual, b * 8, stride);
            }
            assertArrayEquals(expected, actual, "round " + round);
        }
    }

    @Test
    void forwardDctBlockByBlockEqualsTheLanes() {
        Random random = new Random(3122026L);
        for (int round = 0; round < 200; round++) {
            int[][] div = ForwardDct.divisors(quantTable(random, round));
            ForwardDct lanes = new ForwardDct(BLOCKS);
            ForwardDct blocks = new ForwardDct(BLOCKS);
            for (int b = 0; b < BLOCKS; b++) {
                int[] s = samples(random, b % 6);
                for (int pos = 0; pos < 64; pos++) {
                    lanes.coef[pos][b] = s[pos];
                    blocks.coef[pos][b] = s[pos];
                }
            }
            lanes.transformLanes(BLOCKS, div);
            for (int b = 0; b < BLOCKS; b++) {
                blocks.transformBlock(b, div);
            }
            for (int pos = 0; pos < 64; pos++) {
                assertArrayEquals(lanes.coef[pos], blocks.coef[pos], "round " + round + ", position " + pos);
            }
            assertArrayEquals(lanes.nonZeroLow, blocks.nonZeroLow, "round " + round);
            assertArrayEquals(lanes.nonZeroHigh, blocks.nonZeroHigh, "round " + round);
        }
    }

    /** 1 everywhere, a flat 255, or random steps of 1..255 (typical tables rise towards the high frequencies). */
    private static int[] quantTable(Random random, int round) {
        int[] q = new int[64];
        for (int k = 0; k < 64; k++) {
            q[k] = switch (round % 4) {
                case 0 -> 1;
                case 1 -> 255;
                case 2 -> 1 + random.nextInt(255);
                default -> Math.min(255, 2 + k + random.nextInt(4 + k));
            };
        }
        return q;
    }

    /**
     * Quantised coefficients of one block in natural order, in the shapes the zero shortcuts distinguish: DC only,
     * the first column only, the first row only, a few low frequencies, random sparse, dense, dense extremes, zero.
     * Magnitudes stay where a real JPEG's lie (dequantised values within the DCT range of 8-bit samples).
     */
    private static int[] coefficients(Random random, int shape) {
        int[] c = new int[64];
        int dc = random.nextInt(64) - 32;
        switch (shape) {
            case 0 -> c[0] = dc;
            case 1 -> {
                for (int v = 0; v < 8; v++) {
                    c[v * 8] = random.nextInt(17) - 8;
                }
            }
            case 2 -> {
                for (int u = 0; u < 8; u++) {
                    c[u] = random.nextInt(17) - 8;
                }
            }
            case 3 -> {
                c[0] = dc;
                c[1] = random.nextInt(9) - 4;
                c[8] = random.nextInt(9) - 4;
                c[9] = random.nextInt(5) - 2;
            }
            case 4 -> {
                for (int i = 0; i < 10; i++) {
                    c[random.nextInt(64)] = random.nextInt(15) - 7;
                }
            }
            case 5 -> {
                for (int i = 0; i < 64; i++) {
                    c[i] = random.nextInt(9) - 4;
                }
            }
            case 6 -> {
                for (int i = 0; i < 64; i++) {
                    c[i] = random.nextBoolean() ? 4 : -4;
                }
                c[0] = random.nextBoolean() ? 4 : -4;
            }
            default -> Arrays.fill(c, 0);
        }
        return c;
    }

    /** Level-shifted samples (-128..127): flat, extremes, a ramp, noise, a checkerboard, an edge. */
    private static int[] samples(Random random, int shape) {
        int[] s = new int[64];
        int flat = random.nextInt(256) - 128;
        for (int pos = 0; pos < 64; pos++) {
            int x = pos % 8;
            int y = pos / 8;
            s[pos] = switch (shape) {
                case 0 -> flat;
                case 1 -> random.nextBoolean() ? -128 : 127;
                case 2 -> Math.max(-128, Math.min(127, flat + 9 * x - 5 * y));
                case 3 -> random.nextInt(256) - 128;
                case 4 -> (x + y) % 2 == 0 ? -128 : 127;
                default -> x < 3 ? -100 : 90;
            };
        }
        return s;
    }
}
