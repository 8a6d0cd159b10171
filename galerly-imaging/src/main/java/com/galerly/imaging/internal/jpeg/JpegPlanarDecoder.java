/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.EOFException;
import java.io.IOException;

/**
 * A pure-Java decoder for the JPEGs cameras and phones write: baseline or extended sequential Huffman, 8-bit,
 * grey or YCbCr with any sampling factors, restart markers, one interleaved scan. It returns the planes as coded
 * (chroma stays subsampled: no upsampling, no colour conversion, which is most of what the JDK's decoder spends
 * its time on), optionally reduced by 2, 4 or 8: each sample the mean of a 2x2, 4x4 or 8x8 group of the
 * full-size samples (at 1/8 the DC alone, without an inverse DCT), as libjpeg's scaled decoding does. The full-size
 * transform is libjpeg's islow ({@link InverseDct}), so samples equal the JDK decoder's.
 * Anything else (progressive, arithmetic, 12-bit, CMYK/YCCK, RGB, several scans) is
 * {@link JpegUnsupportedException}, and the caller falls back to ImageIO.
 *
 * <p>Damage is an error, never a grey patch: entropy data that runs out before the last block (truncation),
 * an invalid Huffman code, a wrong restart marker or a missing EOI marker throw {@link JpegFormatException}
 * (or {@link EOFException} for truncation), as the engine's ImageIO path turns libjpeg's warnings into errors.
 */
public final class JpegPlanarDecoder {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
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
        /** Offset of the first byte of entropy-coded data. */
        final int scanStart;

        Header(int width, int height, Component[] components, int restartInterval, HuffmanTable[] dc,
               HuffmanTable[] ac, int scanStart) {
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

        /** Bytes the planes take when decoded at 1/{@code scale}. */
        public long planeBytes(int scale) {
            int bs = 8 / scale;
            int mcusX = (width + 8 * hmax - 1) / (8 * hmax);
            int mcusY = (height + 8 * vmax - 1) / (8 * vmax);
            long n = 0;
            for (Component c : components) {
                n += (long) mcusX * c.h * bs * mcusY * c.v * bs;
            }
            return n;
        }
    }

    static final class Component {
        final int id;
        final int h;
        final int v;
        final int[] quant;
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
        int[][] quant = new int[4][];
        HuffmanTable[] dc = new HuffmanTable[4];
        HuffmanTable[] ac = new HuffmanTable[4];
        int restart = 0;
        Component[] components = null;
        int width = 0;
        int height = 0;
        boolean jfif = false;
        int adobeTransform = -1;
        int pos = 2;
        while (true) {
            int at = markerAt(data, pos);
            int marker = data[at] & 0xFF;
            pos = at + 1;
            if (marker == EOI) {
                throw new JpegFormatException("JPEG has no image data (EOI before SOS)");
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue;                    // parameterless markers
            }
            if (pos + 2 > data.length) {
                throw new EOFException("JPEG ends inside a marker segment");
            }
            int length = (data[pos] & 0xFF) << 8 | data[pos + 1] & 0xFF;
            if (length < 2 || pos + length > data.length) {
                throw new EOFException("JPEG segment 0x" + Integer.toHexString(marker) + " is cut short");
            }
            int p = pos + 2;
            int end = pos + length;
            switch (marker) {
                case DQT -> {
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
                case DHT -> {
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
                case DRI -> {
                    if (length < 4) {
                        throw new JpegFormatException("bad DRI segment");
                    }
                    restart = (data[p] & 0xFF) << 8 | data[p + 1] & 0xFF;
                }
                case APP0 -> jfif |= length >= 7 && data[p] == 'J' && data[p + 1] == 'F' && data[p + 2] == 'I'
                        && data[p + 3] == 'F' && data[p + 4] == 0;
                case APP14 -> {
                    if (length >= 14 && data[p] == 'A' && data[p + 1] == 'd' && data[p + 2] == 'o'
                            && data[p + 3] == 'b' && data[p + 4] == 'e') {
                        adobeTransform = data[p + 11] & 0xFF;
                    }
                }
                case SOF0, SOF1 -> {
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
                        components[i].dcTable = tq;           // holds the quantisation table id until SOS
                    }
                }
                case SOS -> {
                    if (components == null) {
                        throw new JpegFormatException("SOS before SOF");
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
                        int tq = c.dcTable;
                        if (quant[tq] == null) {
                            throw new JpegFormatException("component " + id + " uses undefined quantisation table " + tq);
                        }
                        Component bound = new Component(c.id, c.h, c.v, quant[tq]);
                        bound.dcTable = tables >> 4;
                        bound.acTable = tables & 15;
                        if (bound.dcTable > 3 || bound.acTable > 3 || dc[bound.dcTable] == null
                                || ac[bound.acTable] == null) {
                            throw new JpegFormatException("component " + id + " uses an undefined Huffman table");
                        }
                        ordered[i] = bound;
                    }
                    int blocks = 0;
                    int hmax = 1;
                    int vmax = 1;
                    for (Component c : ordered) {
                        blocks += c.h * c.v;
                        hmax = Math.max(hmax, c.h);
                        vmax = Math.max(vmax, c.v);
                    }
                    for (Component c : ordered) {
                        if (hmax % c.h != 0 || vmax % c.v != 0) {
                            throw new JpegUnsupportedException("sampling factors " + c.h + "x" + c.v + " of " + hmax
                                    + "x" + vmax);
                        }
                    }
                    if (ns > 1 && blocks > 10) {
                        throw new JpegFormatException("an MCU of " + blocks + " blocks (at most 10)");
                    }
                    if (ns == 3 && !ycc(ordered, jfif, adobeTransform)) {
                        throw new JpegUnsupportedException("RGB colour (not YCbCr)");
                    }
                    return new Header(width, height, ordered, restart, dc, ac, end);
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC) {
                        throw new JpegUnsupportedException("SOF" + (marker - 0xC0) + " coding (not baseline)");
                    }
                    if (marker == 0xCC) {
                        throw new JpegUnsupportedException("arithmetic coding");
                    }
                }
            }
            pos = end;
        }
    }

    /**
     * How many scans (SOS markers) the file has, walking its segments and skipping entropy-coded data, stopping
     * once {@code limit} is passed (so the answer is at most {@code limit + 1}). A progressive JPEG costs time per
     * scan in any decoder; callers refuse absurd counts before decoding.
     */
    public static int scans(byte[] data, int limit) {
        int count = 0;
        int pos = 2;
        int n = data.length;
        while (pos + 1 < n && count <= limit) {
            if ((data[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == EOI) {
                break;
            }
            if (marker == 0 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                pos += 2;
                continue;
            }
            if (pos + 3 >= n) {
                break;
            }
            int length = (data[pos + 2] & 0xFF) << 8 | data[pos + 3] & 0xFF;
            pos += 2 + Math.max(2, length);
            if (marker == SOS) {
                count++;
                // entropy-coded data: 0xFF is followed by 0 (stuffing) or a restart marker until the next marker
                while (pos + 1 < n && !((data[pos] & 0xFF) == 0xFF && data[pos + 1] != 0
                        && ((data[pos + 1] & 0xFF) < 0xD0 || (data[pos + 1] & 0xFF) > 0xD7))) {
                    pos++;
                }
            }
        }
        return count;
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

    /** The offset of the next marker code at or after {@code pos} (past its 0xFF fill bytes). */
    static int markerAt(byte[] data, int pos) throws EOFException {
        while (pos < data.length && (data[pos] & 0xFF) != 0xFF) {
            pos++;                                   // libjpeg skips garbage between segments (with a warning)
        }
        while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new EOFException("JPEG ends before its image data");
        }
        return pos;
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
        return new Scan(data, header, scale, executor).decode();
    }

    /**
     * Every block codes at least two bits (a DC difference and an end of block, one bit each at best): a file with
     * fewer bytes of entropy data than that is cut short, refused before the planes are allocated (a 1 KB file
     * declaring 65534x249 would otherwise allocate 50 MB first; found by JpegFuzzTest).
     */
    private static void requireEntropyData(byte[] data, Header header) throws EOFException {
        int mcusX = (header.width + 8 * header.hmax - 1) / (8 * header.hmax);
        int mcusY = (header.height + 8 * header.vmax - 1) / (8 * header.vmax);
        long blocks = 0;
        for (Component c : header.components) {
            blocks += (long) mcusX * mcusY * c.h * c.v;
        }
        long available = (long) data.length - header.scanStart;
        if (available < blocks / 4) {
            throw new EOFException("premature end of JPEG entropy data: " + available + " bytes for " + blocks
                    + " blocks");
        }
    }
}
