/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A baseline JPEG encoder that takes planes as they are (YCbCr 4:2:0 or grey), so a rendition resampled in YCbCr
 * never goes through RGB. It does what libjpeg does with the same settings, so files match the JDK writer's in
 * quality and size: the IJG quantisation tables scaled by quality, libjpeg's accurate integer forward DCT with the
 * same rounding, edge samples replicated into partial blocks, and Huffman tables optimised for the image (two
 * passes: the first records each block's symbols compactly, the second writes them).
 *
 * <p>The file is SOI, a JFIF APP0, an optional caller-supplied APP1, tables, one interleaved scan and EOI: no
 * other metadata can reach it.
 */
public final class JpegPlanarEncoder {
    private static final int[] LUMA = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] CHROMA = {
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

    private JpegPlanarEncoder() {
    }

    /** IJG's table for {@code quality} 1..100, natural order (libjpeg's jpeg_set_quality with force_baseline). */
    static int[] table(int[] base, int quality) {
        int q = Math.max(1, Math.min(100, quality));
        int scale = q < 50 ? 5000 / q : 200 - q * 2;
        int[] t = new int[64];
        for (int i = 0; i < 64; i++) {
            t[i] = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
        }
        return t;
    }

    /**
     * Encodes {@code image} (grey, or YCbCr whose chroma planes are sampled 2x2) at {@code quality} 1..100.
     *
     * @param app1 a complete APP1 segment (marker included) to write after the JFIF header, or an empty array
     */
    public static byte[] encode(PlanarImage image, int quality, byte[] app1) {
        int n = image.planeCount();
        for (int i = 1; i < n; i++) {
            if (image.factorX(i) != 2 || image.factorY(i) != 2) {
                throw new IllegalArgumentException("chroma must be sampled 2x2 (4:2:0), was " + image);
            }
        }
        int[] lumaQ = table(LUMA, quality);
        int[] chromaQ = table(CHROMA, quality);
        boolean colour = n == 3;
        int hmax = colour ? 2 : 1;
        int mcusX = (image.width() + 8 * hmax - 1) / (8 * hmax);
        int mcusY = (image.height() + 8 * hmax - 1) / (8 * hmax);
        Tokens tokens = new Tokens(Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 16,
                (long) mcusX * mcusY * (colour ? 6 : 1) * 12)));
        BlockCoder coder = new BlockCoder(tokens);
        long[] lumaDiv = divisors(lumaQ);
        long[] chromaDiv = divisors(chromaQ);
        int[] pred = new int[n];
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (colour) {
                    Plane y = image.plane(0);
                    for (int by = 0; by < 2; by++) {
                        for (int bx = 0; bx < 2; bx++) {
                            pred[0] = coder.code(y, (mx * 2 + bx) * 8, (my * 2 + by) * 8, lumaDiv, pred[0], 0);
                        }
                    }
                    pred[1] = coder.code(image.plane(1), mx * 8, my * 8, chromaDiv, pred[1], 1);
                    pred[2] = coder.code(image.plane(2), mx * 8, my * 8, chromaDiv, pred[2], 1);
                } else {
                    pred[0] = coder.code(image.plane(0), mx * 8, my * 8, lumaDiv, pred[0], 0);
                }
            }
        }
        Huffman[] dc = {Huffman.optimal(tokens.freq[0]), colour ? Huffman.optimal(tokens.freq[2]) : null};
        Huffman[] ac = {Huffman.optimal(tokens.freq[1]), colour ? Huffman.optimal(tokens.freq[3]) : null};

        Output out = new Output(tokens.size() / 2 + 1024);
        out.marker(0xD8);
        out.bytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        out.bytes(app1);
        out.quantTables(colour ? new int[][] {lumaQ, chromaQ} : new int[][] {lumaQ});
        out.frame(image.width(), image.height(), colour);
        out.huffmanTable(0x00, dc[0]);
        out.huffmanTable(0x10, ac[0]);
        if (colour) {
            out.huffmanTable(0x01, dc[1]);
            out.huffmanTable(0x11, ac[1]);
        }
        out.scanHeader(colour);
        tokens.write(out, colour, dc, ac);
        out.marker(0xD9);
        return out.toByteArray();
    }

    /** Per natural-order coefficient: the divisor (quantiser x 8, as libjpeg's islow scales) and its reciprocal. */
    private static long[] divisors(int[] quant) {
        long[] d = new long[128];
        for (int i = 0; i < 64; i++) {
            long q = quant[i] * 8L;
            d[i] = q;
            d[64 + i] = ((1L << 32) + q - 1) / q;        // ceil(2^32 / q): exact division for dividends < 2^17
        }
        return d;
    }

    /** The symbols of each block, in scan order, plus symbol frequencies per table. */
    static final class Tokens {
        /** Per token: table << 24 | symbol << 16 | magnitude bits (size is the symbol's low nibble). */
        private int[] data;
        private int size;
        /** Frequencies: 0 luma DC, 1 luma AC, 2 chroma DC, 3 chroma AC. */
        final int[][] freq = new int[4][257];

        Tokens(int capacity) {
            data = new int[capacity];
        }

        void add(int table, int symbol, int bits) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1024);
            }
            data[size++] = table << 24 | symbol << 16 | bits & 0xFFFF;
            freq[table][symbol]++;
        }

        int size() {
            return size;
        }

        void write(Output out, boolean colour, Huffman[] dc, Huffman[] ac) {
            Huffman[] byTable = {dc[0], ac[0], colour ? dc[1] : null, colour ? ac[1] : null};
            int[][] codes = new int[4][];
            byte[][] lengths = new byte[4][];
            for (int t = 0; t < 4; t++) {
                if (byTable[t] != null) {
                    codes[t] = byTable[t].code;
                    lengths[t] = byTable[t].length;
                }
            }
            BitWriter bits = new BitWriter(out);
            int[] d = data;
            for (int i = 0; i < size; i++) {
                int token = d[i];
                int table = token >>> 24;
                int symbol = token >> 16 & 0xFF;
                bits.put(codes[table][symbol], lengths[table][symbol]);
                int s = symbol & 15;
                if (s != 0) {
                    bits.put(token & ((1 << s) - 1), s);
                }
            }
            bits.flush();
        }
    }

    /** Forward DCT, quantisation and symbol coding of one 8x8 block. */
    static final class BlockCoder {
        private static final int CONST_BITS = 13;
        private static final int PASS1_BITS = 2;
        private final Tokens tokens;
        private final int[] ws = new int[64];
        private final int[] q = new int[64];

        BlockCoder(Tokens tokens) {
            this.tokens = tokens;
        }

        /** Codes the block at {@code (x, y)} of {@code plane}; {@code kind} 0 luma, 1 chroma. Returns the DC. */
        int code(Plane plane, int x, int y, long[] div, int pred, int kind) {
            load(plane, x, y, ws);
            fdct(ws);
            quantise(ws, div, q);
            int dc = q[0];
            int diff = dc - pred;
            int table = kind * 2;
            int s = magnitude(diff);
            tokens.add(table, s, diff < 0 ? diff - 1 : diff);
            int run = 0;
            for (int k = 1; k < 64; k++) {
                int v = q[JpegPlanarDecoder.NATURAL[k]];
                if (v == 0) {
                    run++;
                    continue;
                }
                while (run > 15) {
                    tokens.add(table + 1, 0xF0, 0);
                    run -= 16;
                }
                int size = magnitude(v);
                tokens.add(table + 1, run << 4 | size, v < 0 ? v - 1 : v);
                run = 0;
            }
            if (run > 0) {
                tokens.add(table + 1, 0x00, 0);
            }
            return dc;
        }

        static int magnitude(int v) {
            return v == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(v));
        }

        /** Samples minus 128, the plane's last column and row repeated past its edges. */
        private static void load(Plane plane, int x, int y, int[] ws) {
            byte[] d = plane.data();
            int stride = plane.stride();
            int w = plane.width();
            int h = plane.height();
            if (x + 8 <= w && y + 8 <= h) {
                for (int r = 0, o = y * stride + x; r < 8; r++, o += stride) {
                    int i = r * 8;
                    ws[i] = (d[o] & 0xFF) - 128;
                    ws[i + 1] = (d[o + 1] & 0xFF) - 128;
                    ws[i + 2] = (d[o + 2] & 0xFF) - 128;
                    ws[i + 3] = (d[o + 3] & 0xFF) - 128;
                    ws[i + 4] = (d[o + 4] & 0xFF) - 128;
                    ws[i + 5] = (d[o + 5] & 0xFF) - 128;
                    ws[i + 6] = (d[o + 6] & 0xFF) - 128;
                    ws[i + 7] = (d[o + 7] & 0xFF) - 128;
                }
                return;
            }
            for (int r = 0; r < 8; r++) {
                int o = Math.min(y + r, h - 1) * stride;
                for (int c = 0; c < 8; c++) {
                    ws[r * 8 + c] = (d[o + Math.min(x + c, w - 1)] & 0xFF) - 128;
                }
            }
        }

        /** libjpeg's {@code jpeg_fdct_islow}; the output is scaled up by 8. */
        static void fdct(int[] d) {
            for (int r = 0; r < 64; r += 8) {
                int tmp0 = d[r] + d[r + 7];
                int tmp7 = d[r] - d[r + 7];
                int tmp1 = d[r + 1] + d[r + 6];
                int tmp6 = d[r + 1] - d[r + 6];
                int tmp2 = d[r + 2] + d[r + 5];
                int tmp5 = d[r + 2] - d[r + 5];
                int tmp3 = d[r + 3] + d[r + 4];
                int tmp4 = d[r + 3] - d[r + 4];
                int tmp10 = tmp0 + tmp3;
                int tmp13 = tmp0 - tmp3;
                int tmp11 = tmp1 + tmp2;
                int tmp12 = tmp1 - tmp2;
                d[r] = (tmp10 + tmp11) << PASS1_BITS;
                d[r + 4] = (tmp10 - tmp11) << PASS1_BITS;
                int z1 = (tmp12 + tmp13) * 4433;
                d[r + 2] = descale(z1 + tmp13 * 6270, CONST_BITS - PASS1_BITS);
                d[r + 6] = descale(z1 + tmp12 * -15137, CONST_BITS - PASS1_BITS);
                odd(d, r, 1, tmp4, tmp5, tmp6, tmp7, CONST_BITS - PASS1_BITS);
            }
            for (int c = 0; c < 8; c++) {
                int tmp0 = d[c] + d[c + 56];
                int tmp7 = d[c] - d[c + 56];
                int tmp1 = d[c + 8] + d[c + 48];
                int tmp6 = d[c + 8] - d[c + 48];
                int tmp2 = d[c + 16] + d[c + 40];
                int tmp5 = d[c + 16] - d[c + 40];
                int tmp3 = d[c + 24] + d[c + 32];
                int tmp4 = d[c + 24] - d[c + 32];
                int tmp10 = tmp0 + tmp3;
                int tmp13 = tmp0 - tmp3;
                int tmp11 = tmp1 + tmp2;
                int tmp12 = tmp1 - tmp2;
                d[c] = descale(tmp10 + tmp11, PASS1_BITS);
                d[c + 32] = descale(tmp10 - tmp11, PASS1_BITS);
                int z1 = (tmp12 + tmp13) * 4433;
                d[c + 16] = descale(z1 + tmp13 * 6270, CONST_BITS + PASS1_BITS);
                d[c + 48] = descale(z1 + tmp12 * -15137, CONST_BITS + PASS1_BITS);
                odd(d, c, 8, tmp4, tmp5, tmp6, tmp7, CONST_BITS + PASS1_BITS);
            }
        }

        private static void odd(int[] d, int at, int step, int tmp4, int tmp5, int tmp6, int tmp7, int shift) {
            int z1 = tmp4 + tmp7;
            int z2 = tmp5 + tmp6;
            int z3 = tmp4 + tmp6;
            int z4 = tmp5 + tmp7;
            int z5 = (z3 + z4) * 9633;
            tmp4 *= 2446;
            tmp5 *= 16819;
            tmp6 *= 25172;
            tmp7 *= 12299;
            z1 *= -7373;
            z2 *= -20995;
            z3 = z3 * -16069 + z5;
            z4 = z4 * -3196 + z5;
            d[at + 7 * step] = descale(tmp4 + z1 + z3, shift);
            d[at + 5 * step] = descale(tmp5 + z2 + z4, shift);
            d[at + 3 * step] = descale(tmp6 + z2 + z3, shift);
            d[at + step] = descale(tmp7 + z1 + z4, shift);
        }

        private static int descale(int x, int n) {
            return x + (1 << (n - 1)) >> n;
        }

        /** Rounds half away from zero, as libjpeg's forward_DCT does. */
        private static void quantise(int[] ws, long[] div, int[] out) {
            for (int i = 0; i < 64; i++) {
                int t = ws[i];
                long qv = div[i];
                long m = div[64 + i];
                if (t < 0) {
                    out[i] = -(int) (((-t + (qv >> 1)) * m) >>> 32);
                } else {
                    out[i] = (int) (((t + (qv >> 1)) * m) >>> 32);
                }
            }
        }
    }

    /** An optimal Huffman table for a set of symbol frequencies (libjpeg's jpeg_gen_optimal_table). */
    static final class Huffman {
        /** Number of codes of each length 1..16 ({@code bits[0]} unused). */
        final int[] bits = new int[17];
        final int[] values;
        final int[] code = new int[256];
        final byte[] length = new byte[256];

        private Huffman(int[] values) {
            this.values = values;
        }

        static Huffman optimal(int[] counts) {
            long[] freq = new long[257];
            for (int i = 0; i < 256; i++) {
                freq[i] = counts[i];
            }
            freq[256] = 1;                      // a reserved code point: no real code is all ones
            int[] codesize = new int[257];
            int[] others = new int[257];
            Arrays.fill(others, -1);
            while (true) {
                int c1 = -1;
                long v = Long.MAX_VALUE;
                for (int i = 0; i <= 256; i++) {
                    if (freq[i] != 0 && freq[i] <= v) {
                        v = freq[i];
                        c1 = i;
                    }
                }
                int c2 = -1;
                v = Long.MAX_VALUE;
                for (int i = 0; i <= 256; i++) {
                    if (freq[i] != 0 && freq[i] <= v && i != c1) {
                        v = freq[i];
                        c2 = i;
                    }
                }
                if (c2 < 0) {
                    break;
                }
                freq[c1] += freq[c2];
                freq[c2] = 0;
                codesize[c1]++;
                while (others[c1] >= 0) {
                    c1 = others[c1];
                    codesize[c1]++;
                }
                others[c1] = c2;
                codesize[c2]++;
                while (others[c2] >= 0) {
                    c2 = others[c2];
                    codesize[c2]++;
                }
            }
            int[] bits = new int[33];
            for (int i = 0; i <= 256; i++) {
                if (codesize[i] > 0) {
                    bits[Math.min(codesize[i], 32)]++;
                }
            }
            for (int i = 32; i > 16; i--) {
                while (bits[i] > 0) {
                    int j = i - 2;
                    while (bits[j] == 0) {
                        j--;
                    }
                    bits[i] -= 2;
                    bits[i - 1]++;
                    bits[j + 1] += 2;
                    bits[j]--;
                }
            }
            int longest = 16;
            while (bits[longest] == 0) {
                longest--;
            }
            bits[longest]--;                    // drop the reserved code point
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                total += bits[i];
            }
            int[] values = new int[total];
            int p = 0;
            for (int len = 1; len <= 32 && p < total; len++) {
                for (int j = 0; j < 256 && p < total; j++) {
                    if (codesize[j] == len) {
                        values[p++] = j;
                    }
                }
            }
            Huffman h = new Huffman(values);
            System.arraycopy(bits, 1, h.bits, 1, 16);
            int c = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                for (int i = 0; i < h.bits[len]; i++, k++) {
                    h.code[values[k]] = c++;
                    h.length[values[k]] = (byte) len;
                }
                c <<= 1;
            }
            return h;
        }
    }

    /** Entropy-coded bits, MSB first, with 0xFF stuffing and 1-bit padding at the end. */
    static final class BitWriter {
        private final Output out;
        private long acc;
        private int n;

        BitWriter(Output out) {
            this.out = out;
        }

        void put(int value, int size) {
            acc = acc << size | value & ((1L << size) - 1);
            n += size;
            if (n >= 32) {
                drain();
            }
        }

        private void drain() {
            while (n >= 8) {
                n -= 8;
                int b = (int) (acc >>> n) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
            }
        }

        void flush() {
            if (n % 8 != 0) {
                put((1 << (8 - n % 8)) - 1, 8 - n % 8);
            }
            drain();
        }
    }

    /** The file being written. */
    static final class Output extends ByteArrayOutputStream {
        Output(int capacity) {
            super(capacity);
        }

        void marker(int m) {
            write(0xFF);
            write(m);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        private void u16(int v) {
            write(v >> 8 & 0xFF);
            write(v & 0xFF);
        }

        void quantTables(int[][] tables) {
            marker(0xDB);
            u16(2 + 65 * tables.length);
            for (int t = 0; t < tables.length; t++) {
                write(t);
                for (int k = 0; k < 64; k++) {
                    write(tables[t][JpegPlanarDecoder.NATURAL[k]]);
                }
            }
        }

        void frame(int width, int height, boolean colour) {
            marker(0xC0);
            u16(colour ? 17 : 11);
            write(8);
            u16(height);
            u16(width);
            if (colour) {
                write(3);
                bytes(new byte[] {1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
            } else {
                write(1);
                bytes(new byte[] {1, 0x11, 0});
            }
        }

        void huffmanTable(int classAndId, Huffman h) {
            marker(0xC4);
            u16(2 + 1 + 16 + h.values.length);
            write(classAndId);
            for (int i = 1; i <= 16; i++) {
                write(h.bits[i]);
            }
            for (int v : h.values) {
                write(v);
            }
        }

        void scanHeader(boolean colour) {
            marker(0xDA);
            if (colour) {
                u16(12);
                bytes(new byte[] {3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0});
            } else {
                u16(8);
                bytes(new byte[] {1, 1, 0x00, 0, 63, 0});
            }
        }
    }
}
