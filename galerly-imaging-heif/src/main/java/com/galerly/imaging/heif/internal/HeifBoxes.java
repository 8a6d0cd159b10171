/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import static com.galerly.imaging.spi.ByteFields.ascii;

import com.galerly.imaging.spi.ByteFields;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, in Java and bounded, the little of a HEIF file's box structure libheif does not expose in every version:
 * its brands, and whether the primary item carries a rotation ({@code irot}) or mirror ({@code imir}) property.
 * libheif applies those when decoding; an EXIF orientation is then a stale copy of them and must not be applied
 * again, while a file without them (what {@code heif-enc} 1.15 writes from a rotated JPEG) is oriented by EXIF.
 */
public final class HeifBoxes {
    /** Reads {@code length} bytes at {@code position}; fewer only at the end of the file. */
    @FunctionalInterface
    public interface Reader {
        byte[] read(long position, int length) throws IOException;
    }

    private static final int MAX_META = 4 * 1024 * 1024;
    private static final int MAX_TOP_LEVEL = 64;

    private HeifBoxes() {
    }

    /** Whether the primary item has an {@code irot} or {@code imir} property; false when the structure is unreadable. */
    public static boolean primaryIsTransformed(Reader file) throws IOException {
        byte[] meta = meta(file);
        if (meta == null) {
            return false;
        }
        long primary = -1;
        List<String> properties = new ArrayList<>();
        byte[] ipma = null;
        for (int at = 4; at + 8 <= meta.length; ) {                 // meta is a full box: skip version and flags
            int size = (int) Math.min(u32(meta, at), meta.length - at);
            if (size < 8) {
                return false;
            }
            if (ascii(meta, at + 4, "pitm") && size >= 14) {
                primary = meta[at + 8] == 0 ? u16(meta, at + 12) : size >= 16 ? u32(meta, at + 12) : -1;
            } else if (ascii(meta, at + 4, "iprp")) {
                for (int p = at + 8; p + 8 <= at + size; ) {
                    int psize = (int) Math.min(u32(meta, p), at + size - p);
                    if (psize < 8) {
                        return false;
                    }
                    if (ascii(meta, p + 4, "ipco")) {
                        for (int q = p + 8; q + 8 <= p + psize && properties.size() < 4096; ) {
                            long qsize = u32(meta, q);           // long: q + qsize overflowed an int (fuzz finding)
                            if (qsize < 8 || q + qsize > p + psize) {
                                return false;
                            }
                            properties.add(new String(meta, q + 4, 4, StandardCharsets.ISO_8859_1));
                            q += (int) qsize;
                        }
                    } else if (ascii(meta, p + 4, "ipma")) {
                        ipma = java.util.Arrays.copyOfRange(meta, p, p + psize);
                    }
                    p += psize;
                }
            }
            at += size;
        }
        if (primary < 0 || ipma == null || ipma.length < 16) {
            return false;
        }
        int version = ipma[8];
        boolean wide = (ipma[11] & 1) == 1;
        long entries = u32(ipma, 12);
        int at = 16;
        for (long e = 0; e < entries && at < ipma.length; e++) {
            int idSize = version < 1 ? 2 : 4;
            if (at + idSize + 1 > ipma.length) {
                return false;
            }
            long item = idSize == 2 ? u16(ipma, at) : u32(ipma, at);
            int count = ipma[at + idSize] & 0xFF;
            at += idSize + 1;
            for (int a = 0; a < count; a++) {
                if (at + (wide ? 2 : 1) > ipma.length) {
                    return false;
                }
                int index = wide ? u16(ipma, at) & 0x7FFF : ipma[at] & 0x7F;
                at += wide ? 2 : 1;
                if (item == primary && index >= 1 && index <= properties.size()) {
                    String type = properties.get(index - 1);
                    if (type.equals("irot") || type.equals("imir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why the sizes the bitstreams code ({@link CodedSize}: HEVC SPS, AV1 sequence header) cannot be trusted, or
     * null when they agree with the container: a coded width or height larger than every {@code ispe} of the file
     * (plus the codec's {@link CodedSize#PADDING}) would make libheif decode, at the coded size, far more than the
     * limits were checked against. A file whose structure cannot be read is left to libheif.
     */
    public static String codedSizeMismatch(Reader file) throws IOException {
        byte[] meta = meta(file);
        if (meta == null) {
            return null;
        }
        long maxWidth = 0;
        long maxHeight = 0;
        List<int[]> coded = new ArrayList<>();
        List<String> codecs = new ArrayList<>();
        boolean av1WithoutHeader = false;
        for (int at = 4; at + 8 <= meta.length; ) {
            int size = (int) Math.min(u32(meta, at), meta.length - at);
            if (size < 8) {
                break;
            }
            if (ascii(meta, at + 4, "iprp")) {
                for (int p = at + 8; p + 8 <= at + size; ) {
                    int psize = (int) Math.min(u32(meta, p), at + size - p);
                    if (psize < 8) {
                        break;
                    }
                    if (ascii(meta, p + 4, "ipco")) {
                        int seen = 0;
                        for (int q = p + 8; q + 8 <= p + psize && seen++ < 4096; ) {
                            long qsize = u32(meta, q);
                            if (qsize < 8 || q + qsize > p + psize) {
                                break;
                            }
                            int end = (int) (q + qsize);
                            if (ascii(meta, q + 4, "ispe") && qsize >= 20) {
                                maxWidth = Math.max(maxWidth, u32(meta, q + 12));
                                maxHeight = Math.max(maxHeight, u32(meta, q + 16));
                            } else if (ascii(meta, q + 4, "hvcC")) {
                                add(coded, codecs, CodedSize.hevc(meta, q + 8, end), "HEVC");
                            } else if (ascii(meta, q + 4, "av1C")) {
                                int[] av1 = CodedSize.av1(meta, q + 8, end);
                                av1WithoutHeader |= av1 == null;
                                add(coded, codecs, av1, "AV1");
                            }
                            q = end;
                        }
                    }
                    p += psize;
                }
            }
            at += size;
        }
        if (maxWidth == 0 || maxHeight == 0) {
            return null;
        }
        if (av1WithoutHeader) {
            // av1C may leave the sequence header to the item data: read the OBUs at the start of mdat
            for (int[] av1 : av1InMdat(file)) {
                add(coded, codecs, av1, "AV1");
            }
        }
        for (int i = 0; i < coded.size(); i++) {
            int[] c = coded.get(i);
            if (c[0] > maxWidth + CodedSize.PADDING || c[1] > maxHeight + CodedSize.PADDING) {
                return "its " + codecs.get(i) + " bitstream codes " + c[0] + "x" + c[1] + " but the container declares "
                        + "at most " + maxWidth + "x" + maxHeight + " (ispe)";
            }
        }
        return null;
    }

    /** Sizes of the sequence header OBUs among the OBUs that fill {@code mdat}, walked by their sizes (bounded). */
    private static List<int[]> av1InMdat(Reader file) throws IOException {
        List<int[]> sizes = new ArrayList<>();
        long at = 0;
        long mdat = -1;
        long mdatEnd = -1;
        for (int i = 0; i < MAX_TOP_LEVEL && mdat < 0; i++) {
            byte[] header = file.read(at, 16);
            if (header.length < 8) {
                return sizes;
            }
            long size = u32(header, 0);
            int headerSize = 8;
            if (size == 1 && header.length >= 16) {
                size = u32(header, 8) << 32 | u32(header, 12);
                headerSize = 16;
            }
            if (ascii(header, 4, "mdat")) {
                mdat = at + headerSize;
                mdatEnd = size == 0 ? Long.MAX_VALUE : at + size;
            } else if (size < 8) {
                return sizes;
            }
            at += size;
        }
        for (int obus = 0; mdat >= 0 && mdat < mdatEnd && obus < 4096 && sizes.size() < 64; obus++) {
            byte[] head = file.read(mdat, 10);
            if (head.length < 2) {
                break;
            }
            int type = head[0] >> 3 & 15;
            boolean extension = (head[0] & 4) != 0;
            if ((head[0] & 0x80) != 0 || (head[0] & 2) == 0) {
                break;                                   // not a sized OBU: the rest is not an OBU stream
            }
            int p = 1 + (extension ? 1 : 0);
            long payload = 0;
            int i = 0;
            for (; i < 8 && p < head.length; i++) {
                int b = head[p++] & 0xFF;
                payload |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (type == 1 && payload > 0 && payload < 4096) {
                byte[] obu = file.read(mdat, (int) (p + payload));
                int[] size = CodedSize.av1(concat(new byte[4], obu), 0, 4 + obu.length);
                if (size != null) {
                    sizes.add(size);
                }
            }
            mdat += p + payload;
        }
        return sizes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void add(List<int[]> coded, List<String> codecs, int[] size, String codec) {
        if (size != null) {
            coded.add(size);
            codecs.add(codec);
        }
    }

    /** The {@code meta} box among the first top-level boxes, or null. */
    private static byte[] meta(Reader file) throws IOException {
        long at = 0;
        for (int i = 0; i < MAX_TOP_LEVEL; i++) {
            byte[] header = file.read(at, 16);
            if (header.length < 8) {
                return null;
            }
            long size = u32(header, 0);
            if (size == 1 && header.length >= 16) {
                size = u32(header, 8) << 32 | u32(header, 12);
            }
            if (ascii(header, 4, "meta")) {
                if (size < 12 || size > MAX_META) {
                    return null;
                }
                byte[] box = file.read(at, (int) size);
                return box.length == size ? java.util.Arrays.copyOfRange(box, 8, box.length) : null;
            }
            if (size < 8) {
                return null;
            }
            at += size;
        }
        return null;
    }

    private static int u16(byte[] b, int at) {
        return ByteFields.u16(b, at, ByteOrder.BIG_ENDIAN);
    }

    private static long u32(byte[] b, int at) {
        return ByteFields.u32(b, at, ByteOrder.BIG_ENDIAN);
    }
}
