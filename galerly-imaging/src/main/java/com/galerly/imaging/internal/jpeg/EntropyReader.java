/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import java.io.EOFException;

/**
 * The bit reader of Huffman-coded entropy data (T.81 F.2.2.5), shared by sequential ({@link Scan}) and progressive
 * ({@link ProgressiveScans}) decoding: a 64-bit buffer topped up eight bytes at a time, byte stuffing removed,
 * markers stopping the data (zeros past them, counted so that a cut-short file is found), restart markers.
 */
abstract class EntropyReader {
    static final int FAST_BITS = HuffmanTable.FAST_BITS;
    static final int FAST_MASK = (1 << FAST_BITS) - 1;

    final byte[] data;
    final int end;
    int pos;
    /** Bits not yet consumed are the low {@code bits} bits of {@code buffer}, oldest first. */
    long buffer;
    int bits;
    /**
     * How many of the low bits of the buffer are zeros appended after the entropy data ended (at a marker or the
     * end of the file): decoding may look at them, but consuming one means the data was cut short.
     */
    int fake;

    EntropyReader(byte[] data, int pos) {
        this.data = data;
        this.end = data.length;
        this.pos = pos;
    }

    /** The block's DC coefficient: the predictor plus the coded difference. */
    final int dc(HuffmanTable dcTable, int pred) throws JpegFormatException {
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

    /** {@code n} (0..16) raw bits as an unsigned value. */
    final int raw(int n) {
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (buffer >>> bits) & ((1 << n) - 1);
    }

    /** One raw bit. */
    final int bit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (buffer >>> bits) & 1;
    }

    /** One Huffman symbol; the buffer holds at least 16 bits. */
    final int symbol(HuffmanTable t) throws JpegFormatException {
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
    final int receive(int size) {
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
    final void fill() {
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
    final void checkComplete() throws EOFException {
        if (fake > bits) {
            throw new EOFException("premature end of JPEG entropy data");
        }
    }

    final void restart(int expected) throws JpegFormatException, EOFException {
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
    final int marker() throws EOFException {
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

}
