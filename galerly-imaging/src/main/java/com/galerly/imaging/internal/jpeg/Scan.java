/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.core.spi.JpegSegments;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.Tasks;
import java.io.EOFException;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * The entropy decoding of one interleaved sequential scan into planes, block by block: Huffman decoding with a
 * 64-bit bit buffer and lookup tables, dequantisation, then the inverse DCT at the requested scale straight into
 * the component's plane.
 */
final class Scan extends EntropyReader {
    private final JpegPlanarDecoder.Header header;
    private final int scale;

    /** Runs the inverse DCT of one MCU row while the next is entropy-decoded; null: all on the caller. */
    private final Executor executor;

    Scan(byte[] data, JpegPlanarDecoder.Header header, int scale, Executor executor) {
        super(data, header.scanStart);
        this.executor = executor;
        this.header = header;
        this.scale = scale;
    }

    PlanarImage decode() throws JpegFormatException, EOFException {
        JpegPlanarDecoder.Component[] comps = header.components;
        int n = comps.length;
        int mcusX = header.mcusX();
        int mcusY = header.mcusY();
        SampleOutput output = new SampleOutput(header, comps, scale);
        byte[][] out = output.out;
        int[] strides = output.strides;
        HuffmanTable[] dcs = new HuffmanTable[n];
        HuffmanTable[] acs = new HuffmanTable[n];
        for (int i = 0; i < n; i++) {
            dcs[i] = header.dc[comps[i].dcTable];
            acs[i] = header.ac[comps[i].acTable];
        }
        int[] pred = new int[n];
        int interval = header.restartInterval;
        int left = interval;
        int nextRestart = 0;
        // all scales but 1/8 decode a whole MCU row of coefficients, then transform it (SIMD); with an executor,
        // two sets of buffers let the transform of one row run while the next is entropy-decoded
        int[] across = output.across;
        InverseDct[][] sets = new InverseDct[executor == null ? 1 : 2][];
        if (scale != 8) {
            for (int s = 0; s < sets.length; s++) {
                sets[s] = output.rows();
            }
        }
        @SuppressWarnings("unchecked")
        FutureTask<Void>[] inFlight = (FutureTask<Void>[]) new FutureTask<?>[sets.length];
        try {
            for (int my = 0; my < mcusY; my++) {
                Deadline.check("decoding");
                int s = my % sets.length;
                InverseDct[] rows = sets[s];
                if (inFlight[s] != null) {
                    Tasks.join(inFlight[s], "decoding");
                    inFlight[s] = null;
                }
                if (scale != 8) {
                    for (int i = 0; i < n; i++) {
                        rows[i].clear(across[i] * comps[i].v);
                    }
                }
                for (int mx = 0; mx < mcusX; mx++) {
                    if (interval > 0) {
                        if (left == 0) {
                            restart(nextRestart);
                            nextRestart = (nextRestart + 1) & 7;
                            Arrays.fill(pred, 0);
                            left = interval;
                        }
                        left--;
                    }
                    for (int i = 0; i < n; i++) {
                        JpegPlanarDecoder.Component c = comps[i];
                        for (int by = 0; by < c.v; by++) {
                            for (int bx = 0; bx < c.h; bx++) {
                                if (scale == 8) {
                                    int at = ((my * c.v + by) * strides[i]) + mx * c.h + bx;
                                    pred[i] = dc(dcs[i], pred[i]);
                                    skipAc(acs[i]);
                                    out[i][at] = output.dcSample(i, pred[i]);
                                } else {
                                    pred[i] = coefficients(dcs[i], acs[i], pred[i], rows[i].zigzag,
                                            by * across[i] + mx * c.h + bx);
                                }
                            }
                        }
                    }
                }
                if (scale != 8) {
                    int row = my;
                    Runnable emit = () -> output.emit(rows, row);
                    if (executor == null) {
                        emit.run();
                    } else {
                        inFlight[s] = new FutureTask<>(Deadline.carry(emit), null);
                        executor.execute(inFlight[s]);
                    }
                }
            }
        } finally {
            for (FutureTask<Void> task : inFlight) {
                if (task != null) {
                    Tasks.join(task, "decoding");
                }
            }
        }
        finish();
        return output.image();
    }

    /**
     * Decodes one block's coefficients (quantised values; {@link InverseDct#dequantise} scales them later, a
     * whole row at once) into lane {@code lane} of the zigzag-ordered arrays, which must be zero; returns the new
     * DC predictor.
     */
    private int coefficients(HuffmanTable dcTable, HuffmanTable acTable, int pred, int[][] zigzag, int lane)
            throws JpegFormatException {
        pred = dc(dcTable, pred);
        zigzag[0][lane] = pred;
        long[] fast = acTable.pair;
        // the hot loop keeps the bit buffer in locals; an end of block (run 64) or a corrupt run past the block
        // lands in the scratch lanes past index 63 of the zigzag arrays (see InverseDct), so the common path
        // has no branch for either
        long buf = buffer;
        int n = bits;
        int k = 1;
        while (k < 64) {
            if (n < 32) {
                buffer = buf;
                bits = n;
                fill();
                buf = buffer;
                n = bits;
            }
            long e = fast[(int) (buf >>> (n - FAST_BITS)) & FAST_MASK];
            if (e != 0) {
                // one or two coefficients: the second only when the first leaves the block unfinished
                k += (int) e >>> 10 & 127;
                zigzag[k - 1][lane] = (short) (e >>> 24);
                if (k < 64) {
                    n -= (int) e >>> 5 & 31;
                    k += (int) e >>> 17 & 127;
                    zigzag[k - 1][lane] = (int) (e >> 48);
                } else {
                    n -= (int) e & 31;
                }
            } else {
                buffer = buf;
                bits = n;
                int rs = symbol(acTable);
                int size = rs & 15;
                if (size == 0) {
                    if (rs >> 4 != 15) {
                        buf = buffer;
                        n = bits;
                        break;
                    }
                    k += 16;
                } else {
                    k += rs >> 4;
                    zigzag[k][lane] = receive(size);
                    k++;
                }
                buf = buffer;
                n = bits;
            }
        }
        buffer = buf;
        bits = n;
        return pred;
    }

    /** Consumes the AC coefficients of a block without keeping them (a 1/8 decode needs only the DC). */
    private void skipAc(HuffmanTable acTable) throws JpegFormatException {
        int[] skip = acTable.skip;
        int k = 1;
        while (k < 64) {
            if (bits < 32) {
                fill();
            }
            int e = skip[(int) (buffer >>> (bits - FAST_BITS)) & FAST_MASK];
            if (e != 0) {
                // every whole symbol of the prefix when the block has room for them, else the first alone
                if (k + (e >>> 17 & 127) <= 64) {
                    bits -= e >>> 12 & 31;
                    k += e >>> 24;
                } else {
                    bits -= e & 31;
                    k += e >>> 5 & 127;
                }
            } else {
                int rs = symbol(acTable);
                int size = rs & 15;
                if (size == 0) {
                    if (rs >> 4 != 15) {
                        return;
                    }
                    k += 16;
                    continue;
                }
                if (bits < size) {
                    fill();
                }
                bits -= size;
                k += (rs >> 4) + 1;
            }
        }
    }

    /** After the last block: the data must have been complete and the file must end with EOI. */
    private void finish() throws EOFException, JpegFormatException {
        checkComplete();
        JpegSegments rest = JpegSegments.of(data, marker() - 1, end);
        try {
            while (rest.next()) {
                if (rest.marker() == JpegSegments.SOS) {
                    throw new JpegFormatException("more than one scan in a sequential JPEG");
                }
            }
        } catch (EOFException | JpegFormatException e) {
            throw e;
        } catch (java.io.IOException malformed) {
            throw new JpegFormatException(malformed.getMessage());
        }
    }
}
