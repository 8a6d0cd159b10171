/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Plane;
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
final class Scan {
    private static final int FAST_BITS = HuffmanTable.FAST_BITS;
    private static final int FAST_MASK = (1 << FAST_BITS) - 1;

    private final byte[] data;
    private final JpegPlanarDecoder.Header header;
    private final int scale;
    private final int bs;
    private final int end;
    private int pos;
    /** Bits not yet consumed are the low {@code bits} bits of {@code buffer}, oldest first. */
    private long buffer;
    private int bits;
    /**
     * How many of the low bits of the buffer are zeros appended after the entropy data ended (at a marker or the
     * end of the file): decoding may look at them, but consuming one means the data was cut short.
     */
    private int fake;

    /** Runs the inverse DCT of one MCU row while the next is entropy-decoded; null: all on the caller. */
    private final Executor executor;

    Scan(byte[] data, JpegPlanarDecoder.Header header, int scale, Executor executor) {
        this.executor = executor;
        this.data = data;
        this.header = header;
        this.scale = scale;
        this.bs = 8 / scale;
        this.end = data.length;
        this.pos = header.scanStart;
    }

    PlanarImage decode() throws JpegFormatException, EOFException {
        JpegPlanarDecoder.Component[] comps = header.components;
        int n = comps.length;
        int hmax = header.hmax;
        int vmax = header.vmax;
        int mcusX = (header.width + 8 * hmax - 1) / (8 * hmax);
        int mcusY = (header.height + 8 * vmax - 1) / (8 * vmax);
        Plane[] planes = new Plane[n];
        byte[][] out = new byte[n][];
        int[] strides = new int[n];
        int[] fx = new int[n];
        int[] fy = new int[n];
        int[][] zq = new int[n][];
        HuffmanTable[] dcs = new HuffmanTable[n];
        HuffmanTable[] acs = new HuffmanTable[n];
        for (int i = 0; i < n; i++) {
            JpegPlanarDecoder.Component c = comps[i];
            strides[i] = mcusX * c.h * bs;
            int rows = mcusY * c.v * bs;
            out[i] = new byte[Math.multiplyExact(strides[i], rows)];
            int w = ceilDiv((long) header.width * c.h, (long) hmax * scale);
            int h = ceilDiv((long) header.height * c.v, (long) vmax * scale);
            planes[i] = new Plane(out[i], w, h, strides[i]);
            fx[i] = hmax / c.h;
            fy[i] = vmax / c.v;
            zq[i] = Arrays.copyOf(c.quant, 64);
            dcs[i] = header.dc[c.dcTable];
            acs[i] = header.ac[c.acTable];
        }
        int[] pred = new int[n];
        int interval = header.restartInterval;
        int left = interval;
        int nextRestart = 0;
        // all scales but 1/8 decode a whole MCU row of coefficients, then transform it (SIMD); with an executor,
        // two sets of buffers let the transform of one row run while the next is entropy-decoded
        int[] across = new int[n];
        InverseDct[][] sets = new InverseDct[executor == null ? 1 : 2][n];
        if (scale != 8) {
            for (int i = 0; i < n; i++) {
                across[i] = mcusX * comps[i].h;
                for (InverseDct[] set : sets) {
                    set[i] = new InverseDct(across[i] * comps[i].v);
                }
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
                                    pred[i] = dcBlock(dcs[i], acs[i], zq[i], pred[i], out[i], at);
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
                    Runnable emit = () -> emit(rows, row, comps, across, out, strides, zq);
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
        return new PlanarImage(ceilDiv(header.width, scale), ceilDiv(header.height, scale), planes, fx, fy);
    }

    /** The inverse DCT of MCU row {@code my}, written into the planes. */
    private void emit(InverseDct[] rows, int my, JpegPlanarDecoder.Component[] comps, int[] across, byte[][] out,
                      int[] strides, int[][] quant) {
        for (int i = 0; i < comps.length; i++) {
            JpegPlanarDecoder.Component c = comps[i];
            int stride = strides[i];
            int lanes = across[i] * c.v;
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

    private static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
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

    /** The block's DC coefficient: the predictor plus the coded difference. */
    private int dc(HuffmanTable dcTable, int pred) throws JpegFormatException {
        if (bits < 32) {
            fill();
        }
        // a DC symbol is a magnitude size with run 0, so the table's coefficient lookup reads code and magnitude
        // at once: the difference itself (size 0 shows as an end of block: no difference)
        int e = dcTable.ac[(int) (buffer >>> (bits - FAST_BITS)) & FAST_MASK];
        if (e != 0) {
            bits -= e & 0xFF;
            return (e >> 8 & 0xFF) == 64 ? pred : pred + (e >> 16);
        }
        int s = symbol(dcTable);
        if (s == 0) {
            return pred;
        }
        if (s > 11) {
            throw new JpegFormatException("bad Huffman code (DC magnitude " + s + ")");
        }
        return pred + receive(s);
    }

    /** A 1/8 decode: the block's DC is its one sample; the AC coefficients are read past. */
    private int dcBlock(HuffmanTable dcTable, HuffmanTable acTable, int[] quant, int pred, byte[] out, int at)
            throws JpegFormatException {
        pred = dc(dcTable, pred);
        skipAc(acTable);
        // the block's mean is its DC / 8 (plus the level shift), which is exactly what a 1x1 IDCT yields
        int v = Math.round(pred * quant[0] / 8f) + 128;
        out[at] = (byte) (v < 0 ? 0 : Math.min(v, 255));
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

    /** One Huffman symbol; the buffer holds at least 16 bits. */
    private int symbol(HuffmanTable t) throws JpegFormatException {
        int e = t.lookup[(int) (buffer >>> (bits - FAST_BITS)) & FAST_MASK];
        if (e != 0) {
            bits -= e >> 8;
            return e & 0xFF;
        }
        for (int len = FAST_BITS + 1; len <= 16; len++) {
            int code = (int) (buffer >>> (bits - len)) & ((1 << len) - 1);
            if (code <= t.maxCode[len]) {
                bits -= len;
                int index = t.offset[len] + code;
                if (index < 0 || index >= t.symbols.length) {
                    break;
                }
                return t.symbols[index] & 0xFF;
            }
        }
        throw new JpegFormatException("bad Huffman code");
    }

    /** {@code size} magnitude bits as a signed value; the buffer holds at least {@code size} bits. */
    private int receive(int size) {
        if (bits < size) {
            fill();
        }
        bits -= size;
        int v = (int) (buffer >>> bits) & ((1 << size) - 1);
        return HuffmanTable.extend(v, size);
    }

    /** Reads 8 bytes big-endian at once. */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Tops the buffer up to at least 32 bits (usually 57), unstuffing 0xFF00; zeros once the data ends. */
    private void fill() {
        int p = pos;
        if (p + 8 <= end) {
            long word = (long) LONGS.get(data, p);
            long inverted = ~word;
            long ff = (inverted - ONES) & ~inverted & HIGHS;        // high bit set in each 0xFF byte
            int n = (63 - bits) >> 3;                               // whole bytes that fit, 4..7
            if (ff != 0) {
                n = Math.min(n, Long.numberOfLeadingZeros(ff) >> 3); // only the bytes before the first 0xFF
            }
            if (n > 0) {
                buffer = buffer << (n << 3) | word >>> (64 - (n << 3));
                bits += n << 3;
                pos = p + n;
                if (bits >= 32) {
                    return;
                }
            }
        }
        slowFill();
    }

    private void slowFill() {
        long b = buffer;
        int n = bits;
        int p = pos;
        while (n <= 56) {
            int v;
            if (p < end) {
                v = data[p] & 0xFF;
                if (v != 0xFF) {
                    p++;
                } else if (p + 1 < end && data[p + 1] == 0) {
                    p += 2;
                } else {
                    v = 0;                               // a marker: the entropy data ended
                    fake += 8;
                }
            } else {
                v = 0;
                fake += 8;
            }
            b = b << 8 | v;
            n += 8;
        }
        buffer = b;
        bits = n;
        pos = p;
    }

    /** Fails when decoding used bits that were never there. */
    private void checkComplete() throws EOFException {
        if (fake > bits) {
            throw new EOFException("premature end of JPEG entropy data");
        }
    }

    private void restart(int expected) throws JpegFormatException, EOFException {
        checkComplete();
        int at = marker();
        int m = data[at] & 0xFF;
        if (m != 0xD0 + expected) {
            throw new JpegFormatException("corrupt JPEG data: found marker 0x" + Integer.toHexString(m)
                    + " instead of RST" + expected);
        }
        pos = at + 1;
        buffer = 0;
        bits = 0;
        fake = 0;
    }

    /**
     * The offset of the next marker code after the entropy data read so far (extraneous bytes before it are
     * tolerated, as libjpeg does).
     */
    private int marker() throws EOFException {
        int p = pos;
        while (p + 1 < end) {
            if ((data[p] & 0xFF) == 0xFF) {
                int next = data[p + 1] & 0xFF;
                if (next != 0 && next != 0xFF) {
                    return p + 1;
                }
                p += next == 0 ? 2 : 1;
            } else {
                p++;
            }
        }
        throw new EOFException("truncated file - missing EOI marker");
    }

    /** After the last block: the data must have been complete and the file must end with EOI. */
    private void finish() throws EOFException, JpegFormatException {
        checkComplete();
        int at = marker();
        while (true) {
            int m = data[at] & 0xFF;
            if (m == 0xD9) {
                return;
            }
            if (m == 0xDA) {
                throw new JpegFormatException("more than one scan in a sequential JPEG");
            }
            if (m >= 0xD0 && m <= 0xD7 || m == 0x01) {
                pos = at + 1;
            } else {
                if (at + 2 >= end) {
                    throw new EOFException("truncated file - missing EOI marker");
                }
                pos = at + 1 + ((data[at + 1] & 0xFF) << 8 | data[at + 2] & 0xFF);
            }
            at = JpegPlanarDecoder.markerAt(data, pos) ;
        }
    }
}
