/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Walks the marker segments of a JPEG (ITU-T T.81 B.1): the one marker parser Galerly's metadata scrubber, container
 * header reader, JPEG decoder and RAW preview probe share, so they agree on where a segment ends. Part of the SPI
 * for module authors: a plugin that reads JPEG streams (an embedded preview, a thumbnail in a container) finds their
 * segments the same way.
 *
 * <p>A cursor, like a pull parser: {@link #next()} moves to the next marker and the accessors describe it. It reads
 * only marker codes and length fields; payloads are the caller's to read, at {@link #payload()}. What it does with
 * what T.81 and libjpeg allow:
 * <ul>
 *   <li>fill bytes (any run of 0xFF before a marker code) are passed over: {@link #offset()} is the last 0xFF;</li>
 *   <li>bytes between segments that are no marker (and a stray {@code FF 00}) are passed over as libjpeg does and
 *       counted in {@link #skipped()}, so a strict caller can refuse them;</li>
 *   <li>the parameterless markers (SOI, EOI, RST0-RST7, TEM) have no length: {@link #length()} is 0;</li>
 *   <li>after an SOS segment, {@link #next()} passes over the entropy-coded data, with its stuffed {@code FF 00}
 *       bytes and restart markers, up to the next other marker;</li>
 *   <li>a length under 2 is {@link Malformed}; a segment, length field or entropy-coded data that runs past the end
 *       of the input, or an input that ends before EOI, is {@link Truncated};</li>
 *   <li>EOI ends the walk: {@link #next()} returns {@code false} after it.</li>
 * </ul>
 * The walker starts where it is told: callers check the SOI marker themselves ({@link #startsWithSoi(byte[])}) and
 * start after it.
 *
 * <pre>{@code
 * JpegSegments segments = JpegSegments.of(jpeg, 2, jpeg.length);       // after SOI
 * while (segments.next() && segments.marker() != JpegSegments.SOS) {
 *     if (segments.marker() == JpegSegments.APP1) {
 *         int at = (int) segments.payload();                           // segments.length() bytes from here
 *     }
 * }
 * }</pre>
 *
 * <p>Over a byte array the walk reads the array directly (the entropy-coded data is skipped in a tight loop); over
 * anything else ({@link Input}: a file, an {@code ImageInputStream}) it asks for one byte at a time, markers and
 * lengths only. Not thread-safe.
 */
public final class JpegSegments {
    /** TEM: a parameterless marker (arithmetic coding's temporary use). */
    public static final int TEM = 0x01;
    /** SOF0: baseline DCT frame header. */
    public static final int SOF0 = 0xC0;
    /** DHT: Huffman tables. */
    public static final int DHT = 0xC4;
    /** JPG: reserved (0xC8), not a frame header. */
    public static final int JPG = 0xC8;
    /** DAC: arithmetic coding conditioning, not a frame header. */
    public static final int DAC = 0xCC;
    /** RST0: the first of the eight restart markers (RST0-RST7 = 0xD0-0xD7). */
    public static final int RST0 = 0xD0;
    /** SOI: start of image. */
    public static final int SOI = 0xD8;
    /** EOI: end of image. */
    public static final int EOI = 0xD9;
    /** SOS: start of scan; entropy-coded data follows its segment. */
    public static final int SOS = 0xDA;
    /** DQT: quantisation tables. */
    public static final int DQT = 0xDB;
    /** DRI: restart interval. */
    public static final int DRI = 0xDD;
    /** APP0: JFIF. */
    public static final int APP0 = 0xE0;
    /** APP1: EXIF or XMP. */
    public static final int APP1 = 0xE1;
    /** APP2: ICC profile chunks (or MPF). */
    public static final int APP2 = 0xE2;
    /** APP13: Photoshop / IPTC. */
    public static final int APP13 = 0xED;
    /** APP14: Adobe (colour transform). */
    public static final int APP14 = 0xEE;
    /** COM: comment. */
    public static final int COM = 0xFE;

    /** Random access to the bytes of a JPEG that is not in a byte array. */
    @FunctionalInterface
    public interface Input {
        /**
         * The byte at {@code offset}, 0 to 255, or -1 when the input ends before it.
         *
         * @throws IOException when the byte cannot be read
         */
        int byteAt(long offset) throws IOException;
    }

    /** The input ends inside a segment, inside entropy-coded data or before EOI. */
    public static final class Truncated extends EOFException {
        private static final long serialVersionUID = 1L;
        private final long offset;
        private final int marker;

        Truncated(String message, long offset, int marker) {
            super(message);
            this.offset = offset;
            this.marker = marker;
        }

        /** Where the cut-short item starts: a marker's last 0xFF, or where the search for a marker began. */
        public long offset() {
            return offset;
        }

        /** The marker code of the cut-short segment, or -1 when the input ended before a marker code. */
        public int marker() {
            return marker;
        }
    }

    /** A segment's length field says less than 2 (the length counts its own two bytes); the message says where. */
    public static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final byte[] data;
    private final Input input;
    private final long limit;
    private long pos;
    private int marker = -1;
    private long offset = -1;
    private int length;
    private long skipped;
    private boolean ended;

    private JpegSegments(byte[] data, Input input, long from, long limit) {
        this.data = data;
        this.input = input;
        this.pos = from;
        this.limit = limit;
    }

    /**
     * A walk over {@code data[from..to)}, starting at {@code from} (typically 2, after SOI).
     *
     * @throws IndexOutOfBoundsException when the range is not within the array
     */
    public static JpegSegments of(byte[] data, int from, int to) {
        Objects.checkFromToIndex(from, to, Objects.requireNonNull(data, "data").length);
        return new JpegSegments(data, null, from, to);
    }

    /**
     * A walk over {@code input} from {@code from} up to {@code to} (exclusive; {@link Long#MAX_VALUE} when only the
     * input knows where it ends).
     *
     * @throws IllegalArgumentException when {@code from} is negative or past {@code to}
     */
    public static JpegSegments of(Input input, long from, long to) {
        Objects.requireNonNull(input, "input");
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("from must be 0.." + to + ", was " + from);
        }
        return new JpegSegments(null, input, from, to);
    }

    /** Whether {@code data} starts with the SOI marker {@code FF D8}. */
    public static boolean startsWithSoi(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == SOI;
    }

    /** Whether {@code marker} stands alone, without a length and payload (SOI, EOI, RST0-RST7, TEM). */
    public static boolean parameterless(int marker) {
        return marker == TEM || marker >= RST0 && marker <= EOI;
    }

    /**
     * Whether {@code marker} starts a frame header: SOF0 to SOF15 but DHT, JPG and DAC, which share the range.
     */
    public static boolean frameHeader(int marker) {
        return marker >= SOF0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }

    /**
     * Moves to the next marker: past the current segment (and, after SOS, past the entropy-coded data that follows
     * it), over any fill bytes and stray bytes.
     *
     * @return {@code false} once EOI has been returned
     * @throws Truncated when the input ends before the next complete segment header or segment
     * @throws Malformed when the next segment's length is under 2
     * @throws IOException when the {@link Input} fails
     */
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (marker == SOS) {
            pos = pastEntropyData(pos);
        }
        long garbage = 0;
        long at = pos;
        int code;
        while (true) {
            int b = byteAt(at);
            if (b < 0) {
                throw new Truncated("JPEG ends before its EOI marker", pos, -1);
            }
            if (b != 0xFF) {
                garbage++;
                at++;
                continue;
            }
            code = byteAt(at + 1);
            while (code == 0xFF) {
                at++;
                code = byteAt(at + 1);
            }
            if (code < 0) {
                throw new Truncated("JPEG ends before its EOI marker", pos, -1);
            }
            if (code != 0) {
                break;
            }
            garbage += 2;                                   // FF 00 outside entropy-coded data: no marker
            at += 2;
        }
        marker = code;
        offset = at;
        skipped = garbage;
        if (parameterless(code)) {
            length = 0;
            pos = at + 2;
            ended = code == EOI;
            return true;
        }
        int hi = byteAt(at + 2);
        int lo = hi < 0 ? -1 : byteAt(at + 3);
        if (lo < 0) {
            throw new Truncated("JPEG ends inside the length of segment " + name(code), at, code);
        }
        int declared = hi << 8 | lo;
        if (declared < 2) {
            throw new Malformed("JPEG segment " + name(code) + " at byte " + at + " has length " + declared);
        }
        long end = at + 2 + declared;
        if (end > limit || byteAt(end - 1) < 0) {
            throw new Truncated("JPEG segment " + name(code) + " at byte " + at + " of " + declared
                    + " bytes is cut short", at, code);
        }
        length = declared - 2;
        pos = end;
        return true;
    }

    /**
     * Continues the walk from {@code position} (a caller that read a scan's entropy-coded data itself): the next
     * {@link #next()} looks for a marker there, without skipping entropy-coded data.
     */
    public void resumeAt(long position) {
        if (position < 0 || position > limit) {
            throw new IllegalArgumentException("position must be 0.." + limit + ", was " + position);
        }
        pos = position;
        marker = -1;
        ended = false;
    }

    /** The current marker's code (any byte but 0x00 and 0xFF), or -1 before the first {@link #next()}. */
    public int marker() {
        return marker;
    }

    /** The offset of the current marker: its 0xFF (the last one, after fill bytes). */
    public long offset() {
        return offset;
    }

    /** The offset of the current segment's payload, after its marker and length field. */
    public long payload() {
        return parameterless(marker) ? offset + 2 : offset + 4;
    }

    /** The payload's length in bytes (the length field minus its own two bytes); 0 for a parameterless marker. */
    public int length() {
        return length;
    }

    /** The offset just past the current segment (for SOS, where its entropy-coded data begins). */
    public long end() {
        return payload() + length;
    }

    /**
     * How many bytes before the current marker were neither a segment, entropy-coded data nor fill bytes (0 in a
     * well-formed JPEG). libjpeg passes over them with a warning; a strict reader refuses them.
     */
    public long skipped() {
        return skipped;
    }

    /**
     * The offset of the marker ending the entropy-coded data that starts at {@code from}: the first 0xFF followed by
     * a code that is neither 0 (a stuffed byte), 0xFF (fill) nor a restart marker.
     */
    private long pastEntropyData(long from) throws IOException {
        if (data != null) {
            byte[] d = data;
            int n = (int) limit - 1;
            for (int p = (int) from; p < n; p++) {
                if (d[p] == (byte) 0xFF) {
                    int c = d[p + 1] & 0xFF;
                    if (c != 0 && c != 0xFF && (c < RST0 || c > 0xD7)) {
                        return p;
                    }
                }
            }
        } else {
            for (long p = from; ; p++) {
                int b = byteAt(p);
                if (b < 0) {
                    break;
                }
                if (b == 0xFF) {
                    int c = byteAt(p + 1);
                    if (c < 0) {
                        break;
                    }
                    if (c != 0 && c != 0xFF && (c < RST0 || c > 0xD7)) {
                        return p;
                    }
                }
            }
        }
        throw new Truncated("JPEG ends inside entropy-coded data (no EOI marker)", from, -1);
    }

    private int byteAt(long at) throws IOException {
        if (at >= limit) {
            return -1;
        }
        if (data != null) {
            return data[(int) at] & 0xFF;
        }
        int b = input.byteAt(at);
        return b < 0 ? -1 : b & 0xFF;
    }

    private static String name(int marker) {
        return "0x" + Integer.toHexString(marker).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return marker < 0 ? "JpegSegments[at " + pos + "]"
                : "JpegSegments[" + name(marker) + " at " + offset + ", " + length + " bytes]";
    }
}
