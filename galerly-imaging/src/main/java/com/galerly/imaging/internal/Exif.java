/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the few EXIF tags Galerly uses (orientation, and camera fields for {@code inspect}) from a TIFF
 * structure, and writes the only EXIF a rendition may carry (artist and copyright, when asked to keep them).
 * GPS is never read. Every count and offset is bounded: this parses untrusted bytes.
 */
final class Exif {
    static final String ARTIST = "Artist";
    static final String COPYRIGHT = "Copyright";

    private static final int MAX_ENTRIES = 1024;
    private static final int MAX_STRING = 256;
    private static final Map<Integer, String> IFD0_TAGS = Map.of(0x010F, "Make", 0x0110, "Model", 0x0131, "Software",
            0x0132, "DateTime", 0x013B, ARTIST, 0x8298, COPYRIGHT);
    private static final Map<Integer, String> EXIF_TAGS = Map.of(0x9003, "DateTimeOriginal", 0x829A, "ExposureTime",
            0x829D, "FNumber", 0x8827, "ISO", 0x920A, "FocalLength", 0xA434, "LensModel");
    private static final int ORIENTATION = 0x0112;
    private static final int EXIF_IFD = 0x8769;

    /** What was read: the orientation (1 when absent or invalid) and readable tags by name. */
    record Tags(int orientation, Map<String, String> values) {
        static final Tags NONE = new Tags(1, Map.of());

        /** Only artist and copyright, the metadata a rendition may keep. */
        Map<String, String> copyright() {
            Map<String, String> kept = new TreeMap<>();
            for (String name : new String[] {ARTIST, COPYRIGHT}) {
                String v = values.get(name);
                if (v != null && !v.isBlank()) {
                    kept.put(name, v);
                }
            }
            return kept;
        }
    }

    private Exif() {
    }

    /** Reads a TIFF structure held in memory (the payload of a JPEG APP1 after {@code Exif\0\0}, a PNG eXIf...). */
    static Tags read(byte[] tiff, int offset, int length) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff, offset, length))) {
            return read(in, 0, length);
        } catch (IOException | RuntimeException e) {
            return Tags.NONE;       // damaged EXIF never fails an image: it only loses its orientation
        }
    }

    /** Reads the TIFF structure starting at {@code base} of {@code in}; restores nothing (callers seek after). */
    static Tags read(ImageInputStream in, long base, long length) throws IOException {
        if (!TiffStructure.header(in, base)) {
            return Tags.NONE;
        }
        long ifd0 = in.readUnsignedInt();
        Map<String, String> values = new LinkedHashMap<>();
        int[] orientation = {1};
        long exifIfd = readIfd(in, base, ifd0, length, IFD0_TAGS, values, orientation);
        if (exifIfd > 0) {
            readIfd(in, base, exifIfd, length, EXIF_TAGS, values, null);
        }
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        return new Tags(orientation[0], values);
    }

    /** Returns the EXIF sub-IFD offset found, or 0. */
    private static long readIfd(ImageInputStream in, long base, long offset, long length, Map<Integer, String> wanted,
                                Map<String, String> values, int[] orientation) throws IOException {
        if (offset < 8 || (length > 0 && offset + 2 > length)) {
            return 0;
        }
        in.seek(base + offset);
        int count = in.readUnsignedShort();
        if (count > MAX_ENTRIES) {
            return 0;
        }
        long exifIfd = 0;
        for (int i = 0; i < count; i++) {
            long entry = base + offset + 2 + 12L * i;
            in.seek(entry);
            int tag = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            long n = in.readUnsignedInt();
            if (tag == ORIENTATION && orientation != null && n >= 1 && (type == 3 || type == 4)) {
                int o = type == 3 ? in.readUnsignedShort() : (int) Math.min(in.readUnsignedInt(), 99);
                orientation[0] = o >= 1 && o <= 8 ? o : 1;
            } else if (tag == EXIF_IFD && orientation != null && (type == 4 || type == 13) && n == 1) {
                exifIfd = in.readUnsignedInt();
            } else if (wanted.containsKey(tag)) {
                String v = value(in, base, length, entry, type, n);
                if (v != null && !v.isBlank()) {
                    values.put(wanted.get(tag), v);
                }
            }
        }
        return exifIfd;
    }

    private static String value(ImageInputStream in, long base, long length, long entry, int type, long n)
            throws IOException {
        int size = switch (type) {
            case 1, 2, 7 -> 1;
            case 3 -> 2;
            case 4, 9 -> 4;
            case 5, 10 -> 8;
            default -> 0;
        };
        if (size == 0 || n == 0 || n > 65_536) {
            return null;
        }
        long bytes = size * n;
        if (bytes > 4) {
            long at = in.readUnsignedInt();
            if (length > 0 && at + bytes > length) {
                return null;
            }
            in.seek(base + at);
        } else {
            in.seek(entry + 8);
        }
        switch (type) {
            case 2 -> {
                byte[] s = new byte[(int) Math.min(n, MAX_STRING)];
                in.readFully(s);
                int end = 0;
                while (end < s.length && s[end] != 0) {
                    end++;
                }
                return new String(s, 0, end, StandardCharsets.UTF_8).trim();
            }
            case 3 -> {
                return Integer.toString(in.readUnsignedShort());
            }
            case 4 -> {
                return Long.toString(in.readUnsignedInt());
            }
            case 5, 10 -> {
                long num = type == 5 ? in.readUnsignedInt() : in.readInt();
                long den = type == 5 ? in.readUnsignedInt() : in.readInt();
                return rational(num, den);
            }
            default -> {
                return null;
            }
        }
    }

    static String rational(long num, long den) {
        if (den == 0) {
            return null;
        }
        if (num % den == 0) {
            return Long.toString(num / den);
        }
        if (num > 0 && num < den && den % num == 0) {              // exposure times; -1/3 EV is -0.3333, not 1/-3
            return "1/" + (den / num);
        }
        // four decimals at most, rounded half up, trailing zeros dropped (no Formatter: a cold start pays 20 ms
        // for its locale data)
        return java.math.BigDecimal.valueOf(num).divide(java.math.BigDecimal.valueOf(den), 4,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A complete JPEG APP1 segment (marker included) holding an EXIF IFD0 with only {@code keep}'s artist and
     * copyright, or an empty array when there is nothing to keep.
     */
    static byte[] app1(Map<String, String> keep) {
        TreeMap<Integer, byte[]> entries = new TreeMap<>();
        if (keep.containsKey(ARTIST)) {
            entries.put(0x013B, ascii(keep.get(ARTIST)));
        }
        if (keep.containsKey(COPYRIGHT)) {
            entries.put(0x8298, ascii(keep.get(COPYRIGHT)));
        }
        if (entries.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        int ifdSize = 2 + 12 * entries.size() + 4;
        int valueAt = 8 + ifdSize;
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        short16(tiff, entries.size());
        for (Map.Entry<Integer, byte[]> e : entries.entrySet()) {
            byte[] v = e.getValue();
            short16(tiff, e.getKey());
            short16(tiff, 2);
            int32(tiff, v.length);
            if (v.length <= 4) {
                tiff.writeBytes(java.util.Arrays.copyOf(v, 4));
            } else {
                int32(tiff, valueAt + values.size());
                values.writeBytes(v);
                if (values.size() % 2 == 1) {
                    values.write(0);
                }
            }
        }
        int32(tiff, 0);
        tiff.writeBytes(values.toByteArray());
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        seg.write(0xFF);
        seg.write(0xE1);
        short16(seg, 2 + 6 + body.length);
        seg.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        seg.writeBytes(body);
        return seg.toByteArray();
    }

    private static byte[] ascii(String s) {
        String clipped = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s;
        byte[] b = clipped.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8 & 0xFF);
        out.write(v & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        short16(out, v >>> 16);
        short16(out, v & 0xFFFF);
    }
}
