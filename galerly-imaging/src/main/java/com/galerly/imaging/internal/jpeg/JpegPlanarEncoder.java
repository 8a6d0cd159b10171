/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.Tasks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A baseline JPEG encoder that takes planes as they are (YCbCr 4:2:0 or grey), so a rendition resampled in YCbCr
 * never goes through RGB. It does what libjpeg does with the same settings, so files match the JDK writer's in
 * quality and size: the IJG quantisation tables scaled by quality, libjpeg's accurate integer forward DCT with the
 * same rounding ({@link ForwardDct}: a row of blocks at a time in SIMD-friendly loops, or block by block where C1
 * compiles alone), edge samples replicated into partial blocks, and Huffman tables optimised for the image (two
 * passes: the first records each block's symbols compactly, the second writes them; a large image's first pass
 * runs in parts on several threads).
 *
 * <p>The file is SOI, a JFIF APP0, an optional caller-supplied APP1, tables, one interleaved scan and EOI: no
 * other metadata can reach it.
 */
public final class JpegPlanarEncoder {
    static final int[] LUMA = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    static final int[] CHROMA = {
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

    /** Images this large (4 MP) or larger are coded in parts when an executor is given. */
    static final long PARALLEL_PIXELS = 4_000_000;
    /** How many parts: enough that a thread that frees up late still finds some left to take. */
    static final int PARTS = 8;

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
        return encode(image, quality, app1, null);
    }

    /**
     * As {@link #encode(PlanarImage, int, byte[])}; with an {@code executor}, an image of
     * {@link #PARALLEL_PIXELS} or more has its rows transformed and coded in {@link #PARTS} parts that run on it
     * (the caller runs every part no other thread has started). The file is the same byte for byte: each part starts
     * its DC prediction at zero, and the first DC symbol of each component in a part is recoded against the last DC
     * of the part before once all are done.
     */
    public static byte[] encode(PlanarImage image, int quality, byte[] app1, Executor executor) {
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
        int[][] lumaDiv = ForwardDct.divisors(lumaQ);
        int[][] chromaDiv = ForwardDct.divisors(chromaQ);
        int count = executor != null && (long) image.width() * image.height() >= PARALLEL_PIXELS
                ? Math.min(PARTS, mcusY) : 1;
        Part[] parts = new Part[count];
        for (int p = 0; p < count; p++) {
            parts[p] = new Part(image, mcusX, mcusY * p / count, mcusY * (p + 1) / count, lumaDiv, chromaDiv);
        }
        if (count == 1) {
            parts[0].run();
        } else {
            Tasks.runAll(List.of(parts), executor, "encoding");
        }
        int[][] freq = new int[4][257];
        for (int p = 0; p < count; p++) {
            if (p > 0) {
                parts[p].continueFrom(parts[p - 1]);
            }
            for (int t = 0; t < 4; t++) {
                for (int sym = 0; sym < 257; sym++) {
                    freq[t][sym] += parts[p].tokens.freq[t][sym];
                }
            }
        }
        Huffman[] dc = {Huffman.optimal(freq[0]), colour ? Huffman.optimal(freq[2]) : null};
        Huffman[] ac = {Huffman.optimal(freq[1]), colour ? Huffman.optimal(freq[3]) : null};

        long tokens = 0;
        for (Part part : parts) {
            tokens += part.tokens.size();
        }
        Output out = new Output((int) Math.min(Integer.MAX_VALUE - 64, tokens / 2 + 1024));
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
        Tokens.write(parts, freq, out, colour, dc, ac);
        out.marker(0xD9);
        return out.toByteArray();
    }

    /** Rows {@code [from, to)} of MCUs, transformed and coded into their own tokens, DC prediction from zero. */
    private static final class Part implements Runnable {
        private final PlanarImage image;
        private final int mcusX;
        private final int from;
        private final int to;
        private final int[][] lumaDiv;
        private final int[][] chromaDiv;
        final Tokens tokens;
        /** Per component: where its first DC symbol is in {@link #tokens} (-1 before any), and that DC. */
        final int[] firstToken;
        final int[] firstDc;
        /** Per component: the DC of its last block (the prediction the next part continues from). */
        final int[] lastDc;

        Part(PlanarImage image, int mcusX, int from, int to, int[][] lumaDiv, int[][] chromaDiv) {
            this.image = image;
            this.mcusX = mcusX;
            this.from = from;
            this.to = to;
            this.lumaDiv = lumaDiv;
            this.chromaDiv = chromaDiv;
            int n = image.planeCount();
            tokens = new Tokens(Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 16,
                    (long) mcusX * (to - from) * (n == 3 ? 6 : 1) * 12)));
            firstToken = new int[n];
            Arrays.fill(firstToken, -1);
            firstDc = new int[n];
            lastDc = new int[n];
        }

        @Override
        public void run() {
            boolean colour = image.planeCount() == 3;
            int hmax = colour ? 2 : 1;
            int lumaBlocks = mcusX * hmax;                // luma blocks per block row
            ForwardDct luma = new ForwardDct(lumaBlocks * hmax);
            ForwardDct cb = colour ? new ForwardDct(mcusX) : null;
            ForwardDct cr = colour ? new ForwardDct(mcusX) : null;
            Coder coder = new Coder(tokens);
            int[] pred = lastDc;
            for (int my = from; my < to; my++) {
                Deadline.check("encoding");
                for (int by = 0; by < hmax; by++) {
                    luma.load(image.plane(0), (my * hmax + by) * 8, lumaBlocks, by * lumaBlocks);
                }
                luma.transform(lumaBlocks * hmax, lumaDiv);
                if (colour) {
                    cb.load(image.plane(1), my * 8, mcusX, 0);
                    cb.transform(mcusX, chromaDiv);
                    cr.load(image.plane(2), my * 8, mcusX, 0);
                    cr.transform(mcusX, chromaDiv);
                }
                if (my == from) {
                    first(coder, luma, cb, cr, pred);
                }
                for (int mx = my == from ? 1 : 0; mx < mcusX; mx++) {
                    if (colour) {
                        pred[0] = coder.code(luma, 2 * mx, pred[0], 0);
                        pred[0] = coder.code(luma, 2 * mx + 1, pred[0], 0);
                        pred[0] = coder.code(luma, lumaBlocks + 2 * mx, pred[0], 0);
                        pred[0] = coder.code(luma, lumaBlocks + 2 * mx + 1, pred[0], 0);
                        pred[1] = coder.code(cb, mx, pred[1], 1);
                        pred[2] = coder.code(cr, mx, pred[2], 1);
                    } else {
                        pred[0] = coder.code(luma, mx, pred[0], 0);
                    }
                }
            }
        }

        /** The part's first MCU, noting where each component's first DC symbol goes. */
        private void first(Coder coder, ForwardDct luma, ForwardDct cb, ForwardDct cr, int[] pred) {
            firstToken[0] = tokens.size();
            pred[0] = coder.code(luma, 0, pred[0], 0);
            firstDc[0] = pred[0];
            if (cb == null) {
                return;
            }
            int lumaBlocks = mcusX * 2;
            pred[0] = coder.code(luma, 1, pred[0], 0);
            pred[0] = coder.code(luma, lumaBlocks, pred[0], 0);
            pred[0] = coder.code(luma, lumaBlocks + 1, pred[0], 0);
            firstToken[1] = tokens.size();
            pred[1] = coder.code(cb, 0, pred[1], 1);
            firstDc[1] = pred[1];
            firstToken[2] = tokens.size();
            pred[2] = coder.code(cr, 0, pred[2], 1);
            firstDc[2] = pred[2];
        }

        /** Recodes each component's first DC symbol as a difference from {@code before}'s last DC. */
        void continueFrom(Part before) {
            for (int i = 0; i < firstToken.length; i++) {
                if (firstToken[i] < 0) {
                    continue;
                }
                int dcTable = (i == 0 ? 0 : 1) * 2;
                int[] token = tokens.data;
                int old = token[firstToken[i]] >>> 16 & 0xFF;
                int diff = firstDc[i] - before.lastDc[i];
                int s = Coder.magnitude(diff);
                token[firstToken[i]] = dcTable << 24 | s << 16 | (diff < 0 ? diff - 1 : diff) & 0xFFFF;
                tokens.freq[dcTable][old]--;
                tokens.freq[dcTable][s]++;
            }
        }
    }

    /** The symbols of each block, in scan order, plus symbol frequencies per table. */
    static final class Tokens {
        /** Per token: table << 24 | symbol << 16 | magnitude bits (size is the symbol's low nibble). */
        int[] data;
        int size;
        /** Frequencies: 0 luma DC, 1 luma AC, 2 chroma DC, 3 chroma AC. */
        final int[][] freq = new int[4][257];

        Tokens(int capacity) {
            data = new int[capacity];
        }

        /** Makes room for the tokens of one more block (at most 64 + 1 DC + a few ZRLs... 80 is plenty). */
        void reserve() {
            if (size + 80 > data.length) {
                data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1024);
            }
        }

        int size() {
            return size;
        }

        /** Writes the tokens of {@code parts} in order, with the tables made from their merged frequencies. */
        static void write(Part[] parts, int[][] freq, Output out, boolean colour, Huffman[] dc, Huffman[] ac) {
            Huffman[] byTable = {dc[0], ac[0], colour ? dc[1] : null, colour ? ac[1] : null};
            int[] codes = new int[4 * 256];
            int[] lengths = new int[4 * 256];
            long totalBits = 0;
            for (int t = 0; t < 4; t++) {
                if (byTable[t] != null) {
                    for (int sym = 0; sym < 256; sym++) {
                        codes[t * 256 + sym] = byTable[t].code[sym];
                        lengths[t * 256 + sym] = byTable[t].length[sym];
                        totalBits += (long) freq[t][sym] * (byTable[t].length[sym] + (sym & 15));
                    }
                }
            }
            // worst case every byte is 0xFF and needs a stuffed 0: the array never grows while writing
            out.reserve((int) Math.min(Integer.MAX_VALUE - 64, totalBits / 4 + 16));
            BitWriter bits = new BitWriter(out);
            for (Part part : parts) {
                int[] d = part.tokens.data;
                int size = part.tokens.size;
                for (int i = 0; i < size; i++) {
                    int token = d[i];
                    int key = token >>> 16;                  // table * 256 + symbol
                    int s = key & 15;
                    bits.put(codes[key] << s | token & ((1 << s) - 1), lengths[key] + s);
                }
            }
            bits.flush();
        }
    }

    /** Turns one block's quantised coefficients into symbols. */
    static final class Coder {
        private final Tokens tokens;

        Coder(Tokens tokens) {
            this.tokens = tokens;
        }

        /**
         * Codes block {@code b} of {@code dct} (its quantised {@code coef[pos][b]} and non-zero bits); {@code kind} 0
         * luma, 1 chroma. Returns the DC.
         */
        int code(ForwardDct dct, int b, int pred, int kind) {
            int[][] coef = dct.coef;
            int[] natural = JpegPlanarDecoder.NATURAL;
            long nonZero = dct.nonZeroLow[b] & 0xFFFFFFFFL | (long) dct.nonZeroHigh[b] << 32;
            Tokens t = tokens;
            t.reserve();
            int[] data = t.data;
            int n = t.size;
            int dcTable = kind * 2;
            int[] dcFreq = t.freq[dcTable];
            int[] acFreq = t.freq[dcTable + 1];
            int acTag = (dcTable + 1) << 24;
            int dc = coef[0][b];
            int diff = dc - pred;
            int s = magnitude(diff);
            data[n++] = dcTable << 24 | s << 16 | (diff < 0 ? diff - 1 : diff) & 0xFFFF;
            dcFreq[s]++;
            // walk the non-zero coefficients only: runs of zeros come from the bit positions, not from branches
            long rest = nonZero & ~1L;
            int k = 0;
            while (rest != 0) {
                int next = Long.numberOfTrailingZeros(rest);
                rest &= rest - 1;
                int run = next - k - 1;
                while (run > 15) {
                    data[n++] = acTag | 0xF0 << 16;
                    acFreq[0xF0]++;
                    run -= 16;
                }
                int v = coef[natural[next]][b];
                int size = magnitude(v);
                int symbol = run << 4 | size;
                data[n++] = acTag | symbol << 16 | (v < 0 ? v - 1 : v) & 0xFFFF;
                acFreq[symbol]++;
                k = next;
            }
            if (k != 63) {
                data[n++] = acTag;                          // EOB
                acFreq[0]++;
            }
            t.size = n;
            return dc;
        }

        static int magnitude(int v) {
            return v == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(v));
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

        /** Appends the low {@code size} bits of {@code value} (size up to 32). */
        void put(int value, int size) {
            acc = acc << size | value & ((1L << size) - 1);
            n += size;
            if (n >= 32) {
                n -= 32;
                int word = (int) (acc >>> n);
                int inverted = ~word;
                if (((inverted - 0x01010101) & ~inverted & 0x80808080) == 0) {
                    out.u32(word);                       // no 0xFF byte: no stuffing needed
                } else {
                    out.stuffed(word >>> 24);
                    out.stuffed(word >>> 16 & 0xFF);
                    out.stuffed(word >>> 8 & 0xFF);
                    out.stuffed(word & 0xFF);
                }
            }
        }

        void flush() {
            if (n % 8 != 0) {
                int pad = 8 - n % 8;
                acc = acc << pad | (1L << pad) - 1;
                n += pad;
            }
            while (n >= 8) {
                n -= 8;
                out.stuffed((int) (acc >>> n) & 0xFF);
            }
        }
    }

    /** The file being written: a growable array (no locking per byte, unlike ByteArrayOutputStream). */
    static final class Output {
        private byte[] buf;
        private int count;

        Output(int capacity) {
            buf = new byte[Math.max(capacity, 256)];
        }

        private void room(int n) {
            if (count + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count + n, buf.length + (buf.length >> 1)));
            }
        }

        void write(int b) {
            room(1);
            buf[count++] = (byte) b;
        }

        void reserve(int n) {
            room(n);
        }

        void u32(int v) {
            buf[count] = (byte) (v >>> 24);
            buf[count + 1] = (byte) (v >>> 16);
            buf[count + 2] = (byte) (v >>> 8);
            buf[count + 3] = (byte) v;
            count += 4;
        }

        void stuffed(int b) {
            buf[count++] = (byte) b;
            if (b == 0xFF) {
                buf[count++] = 0;
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void marker(int m) {
            write(0xFF);
            write(m);
        }

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, count, b.length);
            count += b.length;
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
