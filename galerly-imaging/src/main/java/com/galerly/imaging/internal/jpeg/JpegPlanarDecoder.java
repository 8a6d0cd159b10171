/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.core.spi.JpegSegments;
import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.EOFException;
import java.io.IOException;

/**
 * A pure-Java decoder for the JPEGs cameras, phones and web exports write: baseline, extended sequential or
 * progressive Huffman, 8-bit, grey or YCbCr with any sampling factors, restart markers. It returns the planes as
 * coded (chroma stays subsampled: no upsampling, no colour conversion, which is most of what the JDK's decoder
 * spends its time on), optionally reduced by 2, 4 or 8: each sample the mean of a 2x2, 4x4 or 8x8 group of the
 * full-size samples (at 1/8 the DC alone, without an inverse DCT), as libjpeg's scaled decoding does. The full-size
 * transform is libjpeg's islow ({@link InverseDct}), so samples equal the JDK decoder's. A progressive JPEG's scans
 * fill a coefficient buffer first ({@link ProgressiveScans}). Anything else (arithmetic, lossless, 12-bit,
 * CMYK/YCCK, RGB) is {@link JpegUnsupportedException}, and the caller falls back to ImageIO.
 *
 * <p>Damage is an error, never a grey patch: entropy data that runs out before the last block (truncation),
 * an invalid Huffman code, a wrong restart marker or a missing EOI marker throw {@link JpegFormatException}
 * (or {@link EOFException} for truncation), as the engine's ImageIO path turns libjpeg's warnings into errors.
 */
public final class JpegPlanarDecoder {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DRI = 0xDD;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;
    /** Zigzag index -> natural index, padded so a corrupt run past 63 lands on 63 (as libjpeg does). */
    static final int[] NATURAL = new int[64 + 16];

    static {
        int[] zz = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
            21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
            60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zz, 0, NATURAL, 0, 64);
        java.util.Arrays.fill(NATURAL, 64, NATURAL.length, 63);
    }

    private JpegPlanarDecoder() {
    }

    /** What the markers before the first scan say. */
    public static final class Header {
        final int width;
        final int height;
        final Component[] components;
        final int hmax;
        final int vmax;
        final int restartInterval;
        final HuffmanTable[] dc;
        final HuffmanTable[] ac;
        /**
         * Offset of the first byte of entropy-coded data; for a progressive JPEG, of the first SOS marker (the
         * scans are read with the tables defined between them).
         */
        final int scanStart;
        /** A progressive JPEG (SOF2): {@link #components} are in frame order, their tables bound scan by scan. */
        final boolean progressive;

        Header(int width, int height, Component[] components, int restartInterval, HuffmanTable[] dc,
               HuffmanTable[] ac, int scanStart, boolean progressive) {
            this.progressive = progressive;
            this.width = width;
            this.height = height;
            this.components = components;
            int h = 1;
            int v = 1;
            for (Component c : components) {
                h = Math.max(h, c.h);
                v = Math.max(v, c.v);
            }
            this.hmax = h;
            this.vmax = v;
            this.restartInterval = restartInterval;
            this.dc = dc;
            this.ac = ac;
            this.scanStart = scanStart;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public boolean grey() {
            return components.length == 1;
        }

        public boolean progressive() {
            return progressive;
        }

        int mcusX() {
            return (width + 8 * hmax - 1) / (8 * hmax);
        }

        int mcusY() {
            return (height + 8 * vmax - 1) / (8 * vmax);
        }

        /** Blocks of every component, MCU padding included. */
        long blocks() {
            long n = 0;
            for (Component c : components) {
                n += (long) mcusX() * c.h * mcusY() * c.v;
            }
            return n;
        }

        /**
         * Bytes a decode at 1/{@code scale} holds at its peak (the heap check of the planar path counts them): the
         * planes, and for a progressive JPEG its coefficient buffer (64 shorts a block; one at 1/8, the DC alone).
         */
        public long planeBytes(int scale) {
            int bs = 8 / scale;
            long planes = blocks() * bs * bs;
            return progressive ? planes + blocks() * 2 * (scale == 8 ? 1 : 64) : planes;
        }
    }

    static final class Component {
        final int id;
        final int h;
        final int v;
        final int[] quant;
        /** The quantisation table the frame names (bound to {@link #quant} at the component's first scan). */
        int quantId;
        int dcTable;
        int acTable;

        Component(int id, int h, int v, int[] quant) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.quant = quant;
        }
    }

    /**
     * Reads the markers up to the first scan.
     *
     * @throws JpegUnsupportedException a valid JPEG of a kind this decoder leaves to ImageIO
     * @throws JpegFormatException      malformed markers
     */
    public static Header header(byte[] data) throws IOException, JpegUnsupportedException {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new JpegFormatException("not a JPEG (no SOI marker)");
        }
        HeaderReader reader = new HeaderReader(data);
        int at = reader.segments(2);
        if ((data[at] & 0xFF) == EOI) {
            throw new JpegFormatException("JPEG has no image data (EOI before SOS)");
        }
        int end = reader.end();
        return reader.sos(at + 3, end - at - 1, end, at);
    }

    /**
     * How many scans (SOS markers) the file has, walking its segments and skipping entropy-coded data, stopping
     * once {@code limit} is passed (so the answer is at most {@code limit + 1}). A progressive JPEG costs time per
     * scan in any decoder; callers refuse absurd counts before decoding.
     */
    public static int scans(byte[] data, int limit) {
        int count = 0;
        if (data.length < 2) {
            return count;
        }
        JpegSegments segments = JpegSegments.of(data, 2, data.length);
        try {
            while (count <= limit && segments.next()) {
                if (segments.marker() == SOS) {
                    count++;
                }
            }
        } catch (IOException cutShortOrMalformed) {
            // the scans before the damage are all there are; the decoder reports the damage
        }
        return count;
    }

    /**
     * What the markers have said so far: one method per marker segment. A progressive decode reads on with it
     * past the first scan, since tables may be (re)defined between scans.
     */
    static final class HeaderReader {
        private final byte[] data;
        private final JpegSegments walk;
        final int[][] quant = new int[4][];
        final HuffmanTable[] dc = new HuffmanTable[4];
        final HuffmanTable[] ac = new HuffmanTable[4];
        int restart;
        private Component[] components;
        private int width;
        private int height;
        private boolean jfif;
        private int adobeTransform = -1;
        private boolean progressive;

        HeaderReader(byte[] data) {
            this.data = data;
            this.walk = JpegSegments.of(data, 0, data.length);
        }

        /**
         * Reads the segments from {@code pos} up to the next SOS or EOI marker and returns the offset of its code
         * (the SOS segment itself is left to the caller, which finds its end at {@link #end()}).
         */
        int segments(int pos) throws IOException, JpegUnsupportedException {
            walk.resumeAt(pos);
            return segments();
        }

        /** As {@link #segments(int)}, from past the entropy-coded data of the SOS segment read last. */
        int segments() throws IOException, JpegUnsupportedException {
            while (walk.next()) {
                int marker = walk.marker();
                int at = (int) walk.offset() + 1;
                if (marker == EOI || marker == SOS) {
                    return at;
                }
                if (JpegSegments.parameterless(marker)) {
                    continue;
                }
                int end = (int) walk.end();
                int p = at + 3;
                int length = end - at - 1;
                switch (marker) {
                    case DQT -> dqt(p, end);
                    case DHT -> dht(p, end);
                    case DRI -> dri(p, length);
                    case APP0 -> app0(p, length);
                    case APP14 -> app14(p, length);
                    case SOF0, SOF1 -> sof(p, length, false);
                    case SOF2 -> sof(p, length, true);
                    default -> other(marker);
                }
            }
            throw new JpegFormatException("JPEG marker after EOI");   // never: EOI is returned above
        }

        /** The end of the SOS segment {@link #segments(int)} returned (where its entropy-coded data begins). */
        int end() {
            return (int) walk.end();
        }

        /** The frame's components, in frame order (null before SOF). */
        Component[] frame() {
            return components;
        }

        /** DQT: quantisation tables. */
        void dqt(int p, int end) throws JpegFormatException {
            while (p < end) {
                int pq = (data[p] & 0xFF) >> 4;
                int tq = data[p] & 0x0F;
                p++;
                if (tq > 3 || pq > 1 || p + 64 * (pq + 1) > end) {
                    throw new JpegFormatException("bad quantisation table");
                }
                int[] table = new int[64];
                for (int k = 0; k < 64; k++) {
                    table[k] = pq == 0 ? data[p++] & 0xFF : (data[p++] & 0xFF) << 8 | data[p++] & 0xFF;
                }
                quant[tq] = table;               // zigzag order
            }
        }

        /** DHT: Huffman tables. */
        void dht(int p, int end) throws JpegFormatException {
            while (p < end) {
                int tc = (data[p] & 0xFF) >> 4;
                int th = data[p] & 0x0F;
                p++;
                if (tc > 1 || th > 3 || p + 16 > end) {
                    throw new JpegFormatException("bad Huffman table");
                }
                int[] counts = new int[16];
                int total = 0;
                for (int i = 0; i < 16; i++) {
                    counts[i] = data[p++] & 0xFF;
                    total += counts[i];
                }
                if (total > 256 || p + total > end) {
                    throw new JpegFormatException("bad Huffman table");
                }
                byte[] symbols = java.util.Arrays.copyOfRange(data, p, p + total);
                p += total;
                (tc == 0 ? dc : ac)[th] = new HuffmanTable(counts, symbols);
            }
        }

        /** DRI: the restart interval. */
        void dri(int p, int length) throws JpegFormatException {
            if (length < 4) {
                throw new JpegFormatException("bad DRI segment");
            }
            restart = (data[p] & 0xFF) << 8 | data[p + 1] & 0xFF;
        }

        /** APP0: a JFIF header says YCbCr. */
        void app0(int p, int length) {
            jfif |= length >= 7 && data[p] == 'J' && data[p + 1] == 'F' && data[p + 2] == 'I'
                    && data[p + 3] == 'F' && data[p + 4] == 0;
        }

        /** APP14: Adobe's colour transform. */
        void app14(int p, int length) {
            if (length >= 14 && data[p] == 'A' && data[p + 1] == 'd' && data[p + 2] == 'o'
                    && data[p + 3] == 'b' && data[p + 4] == 'e') {
                adobeTransform = data[p + 11] & 0xFF;
            }
        }

        /** SOF0, SOF1, SOF2: the frame (size, components, sampling, quantisation table ids). */
        void sof(int p, int length, boolean progressive) throws JpegFormatException, JpegUnsupportedException {
            this.progressive = progressive;
            if (components != null) {
                throw new JpegFormatException("more than one SOF marker");
            }
            if (length < 8) {
                throw new JpegFormatException("bad SOF segment");
            }
            int precision = data[p] & 0xFF;
            height = (data[p + 1] & 0xFF) << 8 | data[p + 2] & 0xFF;
            width = (data[p + 3] & 0xFF) << 8 | data[p + 4] & 0xFF;
            int n = data[p + 5] & 0xFF;
            if (precision != 8) {
                throw new JpegUnsupportedException(precision + "-bit samples");
            }
            if (height == 0) {
                throw new JpegUnsupportedException("height defined by a DNL marker");
            }
            if (width == 0) {
                throw new JpegFormatException("JPEG declares a width of 0");
            }
            if (n != 1 && n != 3) {
                throw new JpegUnsupportedException(n + " components");
            }
            if (length < 8 + 3 * n) {
                throw new JpegFormatException("bad SOF segment");
            }
            components = new Component[n];
            for (int i = 0; i < n; i++) {
                int q = p + 6 + 3 * i;
                int hv = data[q + 1] & 0xFF;
                int tq = data[q + 2] & 0xFF;
                int h = n == 1 ? 1 : hv >> 4;
                int v = n == 1 ? 1 : hv & 15;
                if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
                    throw new JpegFormatException("bad sampling factors or table in SOF");
                }
                components[i] = new Component(data[q] & 0xFF, h, v, null);
                components[i].quantId = tq;
            }
        }

        /**
         * SOS: the first scan, whose components are bound to their tables; the header ends here. A progressive
         * JPEG's header keeps the frame's components, checked as a sequential one's are.
         */
        Header sos(int p, int length, int end, int at) throws JpegFormatException, JpegUnsupportedException {
            if (components == null) {
                throw new JpegFormatException("SOS before SOF");
            }
            if (progressive) {
                check(components);
                return new Header(width, height, components, restart, dc, ac, at, true);
            }
            int ns = data[p] & 0xFF;
            if (ns != components.length) {
                throw new JpegUnsupportedException("a scan of " + ns + " of " + components.length
                        + " components (several scans)");
            }
            if (length != 6 + 2 * ns) {
                throw new JpegFormatException("bad SOS segment");
            }
            int ss = data[p + 1 + 2 * ns] & 0xFF;
            int se = data[p + 2 + 2 * ns] & 0xFF;
            int ahal = data[p + 3 + 2 * ns] & 0xFF;
            if (ss != 0 || se != 63 || ahal != 0) {
                throw new JpegFormatException("sequential scan with spectral selection " + ss + ".." + se);
            }
            Component[] ordered = new Component[ns];
            for (int i = 0; i < ns; i++) {
                int id = data[p + 1 + 2 * i] & 0xFF;
                int tables = data[p + 2 + 2 * i] & 0xFF;
                Component c = find(components, id);
                if (c == null) {
                    throw new JpegFormatException("scan names component " + id + ", not in the frame");
                }
                int tq = c.quantId;
                if (quant[tq] == null) {
                    throw new JpegFormatException("component " + id + " uses undefined quantisation table " + tq);
                }
                Component bound = new Component(c.id, c.h, c.v, quant[tq]);
                bound.quantId = tq;
                bound.dcTable = tables >> 4;
                bound.acTable = tables & 15;
                if (bound.dcTable > 3 || bound.acTable > 3 || dc[bound.dcTable] == null
                        || ac[bound.acTable] == null) {
                    throw new JpegFormatException("component " + id + " uses an undefined Huffman table");
                }
                ordered[i] = bound;
            }
            check(ordered);
            return new Header(width, height, ordered, restart, dc, ac, end, false);
        }

        /** What this decoder handles of the frame's sampling and colour. */
        private void check(Component[] comps) throws JpegFormatException, JpegUnsupportedException {
            int blocks = 0;
            int hmax = 1;
            int vmax = 1;
            for (Component c : comps) {
                blocks += c.h * c.v;
                hmax = Math.max(hmax, c.h);
                vmax = Math.max(vmax, c.v);
            }
            for (Component c : comps) {
                if (hmax % c.h != 0 || vmax % c.v != 0) {
                    throw new JpegUnsupportedException("sampling factors " + c.h + "x" + c.v + " of " + hmax
                            + "x" + vmax);
                }
            }
            if (comps.length > 1 && blocks > 10) {
                throw new JpegFormatException("an MCU of " + blocks + " blocks (at most 10)");
            }
            if (comps.length == 3 && !ycc(comps, jfif, adobeTransform)) {
                throw new JpegUnsupportedException("RGB colour (not YCbCr)");
            }
        }

        /** Any other marker: frames this decoder leaves to ImageIO are refused, the rest skipped. */
        static void other(int marker) throws JpegUnsupportedException {
            if (marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC) {
                throw new JpegUnsupportedException("SOF" + (marker - 0xC0) + " coding (not baseline)");
            }
            if (marker == 0xCC) {
                throw new JpegUnsupportedException("arithmetic coding");
            }
        }
    }

    /** As libjpeg decides: JFIF says YCbCr; Adobe says by its transform; otherwise component ids R, G, B mean RGB. */
    private static boolean ycc(Component[] c, boolean jfif, int adobeTransform) {
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform != 0;
        }
        return !(c[0].id == 'R' && c[1].id == 'G' && c[2].id == 'B');
    }

    private static Component find(Component[] components, int id) {
        for (Component c : components) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /**
     * Decodes the image at 1/{@code scale} (1, 2, 4 or 8) of its size: planes of
     * {@code ceil(width * h / (hmax * scale))} samples per component row, as libjpeg's scaled decoding gives.
     */
    public static PlanarImage decode(byte[] data, Header header, int scale) throws IOException {
        return decode(data, header, scale, null);
    }

    /**
     * As {@link #decode(byte[], Header, int)}; with an {@code executor}, the inverse DCT of each row of blocks runs
     * on it while the caller entropy-decodes the next (the caller runs any piece the executor has not started).
     */
    public static PlanarImage decode(byte[] data, Header header, int scale, java.util.concurrent.Executor executor)
            throws IOException {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, was " + scale);
        }
        requireEntropyData(data, header);
        if (header.progressive) {
            return new ProgressiveScans(data, header, scale, executor).decode();
        }
        return new Scan(data, header, scale, executor).decode();
    }

    /**
     * Every block codes at least two bits (a DC difference and an end of block, one bit each at best): a file with
     * fewer bytes of entropy data than that is cut short, refused before the planes are allocated (a 1 KB file
     * declaring 65534x249 would otherwise allocate 50 MB first; found by JpegFuzzTest).
     */
    private static void requireEntropyData(byte[] data, Header header) throws EOFException {
        long blocks = header.blocks();
        long available = (long) data.length - header.scanStart;
        // a progressive JPEG's first DC scan alone codes at least one bit a block
        if (available < blocks / (header.progressive ? 8 : 4)) {
            throw new EOFException("premature end of JPEG entropy data: " + available + " bytes for " + blocks
                    + " blocks");
        }
    }
}
