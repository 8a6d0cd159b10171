/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import com.galerly.core.spi.JpegSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-written JPEG marker segments (EXIF, XMP, IPTC, comments, ICC profiles, Adobe APP14) to add to a JPEG,
 * and a parser listing the segments of a JPEG up to its scan, for asserting what an output carries.
 *
 * <pre>{@code
 * byte[] tagged = JpegMarkers.insert(jpeg, JpegMarkers.exif(exif), JpegMarkers.xmp("<x:xmpmeta/>"),
 *         JpegMarkers.comment("hello"));
 * boolean stripped = JpegMarkers.segments(output).stream().noneMatch(s -> s.marker() == 0xE1);
 * }</pre>
 */
public final class JpegMarkers {
    /** APP1 "Exif" */
    public static final int APP1 = JpegSegments.APP1;
    /** APP2 "ICC_PROFILE" */
    public static final int APP2 = JpegSegments.APP2;
    /** APP13 "Photoshop 3.0" (IPTC) */
    public static final int APP13 = JpegSegments.APP13;
    /** APP14 "Adobe" */
    public static final int APP14 = JpegSegments.APP14;
    /** COM */
    public static final int COM = JpegSegments.COM;

    private static final int MAX_PAYLOAD = 65_533;

    private JpegMarkers() {
    }

    /** One segment before the scan: its marker (0xE1...) and payload (without marker and length). */
    public record Segment(int marker, byte[] payload) {
        /** Whether the payload starts with {@code ascii}. */
        public boolean startsWith(String ascii) {
            byte[] b = ascii.getBytes(StandardCharsets.ISO_8859_1);
            return payload.length >= b.length && Arrays.equals(Arrays.copyOf(payload, b.length), b);
        }

        @Override
        public String toString() {
            return String.format("FF%02X(%d bytes)", marker, payload.length);
        }
    }

    /**
     * The segments from SOI up to (excluding) the first SOS, read with the library's own walker
     * ({@link JpegSegments}).
     *
     * @throws IllegalArgumentException when {@code jpeg} has no SOI marker or its segments are cut short or malformed
     */
    public static List<Segment> segments(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        JpegSegments walk = walk(jpeg);
        try {
            while (walk.next() && walk.marker() != JpegSegments.SOS && walk.marker() != JpegSegments.EOI) {
                int at = (int) walk.payload();
                segments.add(new Segment(walk.marker(), Arrays.copyOfRange(jpeg, at, at + walk.length())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a well-formed JPEG: " + e.getMessage(), e);
        }
        return segments;
    }

    /** Inserts complete segments after SOI (and after a JFIF APP0 segment when there is one). */
    public static byte[] insert(byte[] jpeg, byte[]... segments) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        return ByteSplice.at(jpeg, at, segments);
    }

    /** A complete segment: marker, length, payload. */
    public static byte[] segment(int marker, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("segment payload must be at most " + MAX_PAYLOAD + " bytes, was "
                    + payload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 4);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >>> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** APP1 with {@code Exif\0\0} and the TIFF structure of {@code exif}. */
    public static byte[] exif(ExifData exif) {
        return segment(APP1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif.tiff()));
    }

    /** APP1 with an XMP packet. */
    public static byte[] xmp(String xml) {
        return segment(APP1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** APP13 Photoshop IRB holding an IPTC caption (2:120). */
    public static byte[] iptcCaption(String caption) {
        byte[] text = caption.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream iptc = new ByteArrayOutputStream();
        iptc.writeBytes(new byte[] {0x1C, 2, 120, (byte) (text.length >>> 8), (byte) text.length});
        iptc.writeBytes(text);
        byte[] record = iptc.toByteArray();
        ByteArrayOutputStream irb = new ByteArrayOutputStream();
        irb.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1));
        irb.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
        irb.writeBytes(new byte[] {0x04, 0x04, 0, 0});
        irb.writeBytes(new byte[] {(byte) (record.length >>> 24), (byte) (record.length >>> 16),
            (byte) (record.length >>> 8), (byte) record.length});
        irb.writeBytes(record);
        if ((record.length & 1) == 1) {
            irb.write(0);
        }
        return segment(APP13, irb.toByteArray());
    }

    /** A COM segment. */
    public static byte[] comment(String text) {
        return segment(COM, text.getBytes(StandardCharsets.UTF_8));
    }

    /** APP2 ICC_PROFILE segments carrying {@code profile} (split into chunks as the ICC spec says). */
    public static byte[] icc(byte[] profile) {
        int chunk = MAX_PAYLOAD - 14;
        int count = (profile.length + chunk - 1) / chunk;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] part = Arrays.copyOfRange(profile, i * chunk, Math.min(profile.length, (i + 1) * chunk));
            byte[] header = concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) (i + 1),
                (byte) count});
            out.writeBytes(segment(APP2, concat(header, part)));
        }
        return out.toByteArray();
    }

    /** APP14 "Adobe" with a colour transform: 0 = none (RGB or CMYK), 1 = YCbCr, 2 = YCCK. */
    public static byte[] adobe(int transform) {
        return segment(APP14, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform});
    }

    /** The JPEG with its frame header (SOFn) declaring another size: a "bomb" header over tiny data. */
    public static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        JpegSegments walk = walk(out);
        try {
            while (walk.next() && walk.marker() != JpegSegments.SOS) {
                if (JpegSegments.frameHeader(walk.marker()) && walk.length() >= 5) {
                    int at = (int) walk.payload();
                    out[at + 1] = (byte) (height >>> 8);
                    out[at + 2] = (byte) height;
                    out[at + 3] = (byte) (width >>> 8);
                    out[at + 4] = (byte) width;
                    return out;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a well-formed JPEG: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no frame header found");
    }

    /** A walk over {@code jpeg}'s segments after its SOI marker. */
    private static JpegSegments walk(byte[] jpeg) {
        if (!JpegSegments.startsWithSoi(jpeg)) {
            throw new IllegalArgumentException("not a JPEG (no SOI)");
        }
        return JpegSegments.of(jpeg, 2, jpeg.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
