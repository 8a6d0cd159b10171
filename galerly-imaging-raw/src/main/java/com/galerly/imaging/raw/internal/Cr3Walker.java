/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.imaging.ExifTags;
import com.galerly.imaging.spi.ByteFields;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Walks the ISO-BMFF boxes of a Canon CR3: the Canon {@code uuid} box in {@code moov} ({@code CMT1} = IFD0 with the
 * orientation and camera fields, {@code THMB} = a small JPEG), the top-level preview {@code uuid} ({@code PRVW}, a
 * 1620x1080 JPEG) and each track's first sample (track 1 is the full-size JPEG in {@code mdat}; the others hold
 * CRX-coded sensor data, which the JPEG probe turns down). Box sizes are checked against their parent and the file.
 */
final class Cr3Walker {
    private static final byte[] CANON = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");
    private static final byte[] PREVIEW = HexFormat.of().parseHex("eaf42b5e1c984b88b9fbb7dc406e4d16");
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final ByteSource source;
    private final RawLayout layout = new RawLayout();
    private int boxes;
    private int tracks;
    private long trackOffset;
    private long trackSize;
    private boolean trackSensorData;

    private Cr3Walker(ByteSource source) {
        this.source = source;
    }

    static RawLayout walk(ByteSource source) throws IOException {
        return new Cr3Walker(source).run();
    }

    private RawLayout run() throws IOException {
        layout.format = "CR3";
        layout.rawData = true;
        layout.orientation = 0;
        children(0, source.length(), 0, "file");
        return layout;
    }

    /** The boxes in {@code [from, to)}; {@code to} is -1 at the top level of a stream of unknown length. */
    private void children(long from, long to, int depth, String parent) throws IOException {
        long at = from;
        while ((to < 0 || at < to) && boxes < RawLimits.MAX_BOXES) {
            if (to < 0 && !present(at)) {
                return;
            }
            if (to >= 0 && to - at < 8) {
                layout.damaged(parent + " ends with " + (to - at) + " stray bytes at byte " + at);
                return;
            }
            boxes++;
            long size = source.u32(at, BE);
            String type = fourcc(source.bytes(at + 4, 4));
            int header = 8;
            if (size == 1) {
                size = source.u64(at + 8, BE);
                header = 16;
            } else if (size == 0) {
                if (to < 0) {
                    return;                       // runs to the end of an unbounded stream: nothing after it
                }
                size = to - at;
            }
            if (size < header) {
                layout.damaged("box '" + type + "' at byte " + at + " declares " + size + " bytes");
                return;
            }
            if (to >= 0 && size > to - at) {
                String what = "box '" + type + "' at byte " + at + " (" + size + " bytes) runs past the end of "
                        + parent;
                if (depth == 0) {
                    layout.truncated(what + " (" + to + " bytes)");
                } else {
                    layout.damaged(what);
                }
                return;
            }
            box(type, at, header, size, depth);
            at += size;
        }
    }

    private boolean present(long at) throws IOException {
        try {
            source.u8(at + 7);
            return true;
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    private void box(String type, long at, int header, long size, int depth) throws IOException {
        long body = at + header;
        long end = at + size;
        if (depth >= RawLimits.MAX_BOX_DEPTH) {
            layout.damaged("boxes nested deeper than " + RawLimits.MAX_BOX_DEPTH + " at byte " + at);
            return;
        }
        switch (type) {
            case "ftyp" -> {
                if (depth != 0 || size < header + 4 || !"crx ".equals(fourcc(source.bytes(body, 4)))) {
                    layout.damaged("no 'crx ' file type box");
                }
            }
            case "moov", "mdia", "minf", "stbl" -> children(body, end, depth + 1, type);
            case "trak" -> {
                trackOffset = -1;
                trackSize = -1;
                trackSensorData = false;
                children(body, end, depth + 1, type);
                tracks++;
                if (trackOffset > 0 && trackSize > 0 && !trackSensorData) {
                    layout.candidate(trackOffset, trackSize, "CR3 track " + tracks);
                }
            }
            case "uuid" -> uuid(at, body, end, depth);
            case "CMT1" -> cmt1(body, end);
            case "THMB" -> embedded(at + 16, at + 24, end, "CR3 THMB");
            case "stsd" -> sensorSize(body, end);
            case "stsz" -> {
                if (end - body >= 12) {
                    long fixed = source.u32(body + 4, BE);
                    long count = source.u32(body + 8, BE);
                    trackSize = fixed != 0 ? fixed : count > 0 && end - body >= 16 ? source.u32(body + 12, BE) : -1;
                }
            }
            case "co64" -> {
                if (end - body >= 16 && source.u32(body + 4, BE) > 0) {
                    trackOffset = source.u64(body + 8, BE);
                }
            }
            case "stco" -> {
                if (end - body >= 12 && source.u32(body + 4, BE) > 0) {
                    trackOffset = source.u32(body + 8, BE);
                }
            }
            default -> {
                // mdat, free and the boxes Galerly does not need
            }
        }
    }

    private void uuid(long at, long body, long end, int depth) throws IOException {
        if (end - body < 16) {
            return;
        }
        byte[] id = source.bytes(body, 16);
        if (Arrays.equals(id, CANON) && depth == 1) {
            children(body + 16, end, depth + 1, "Canon uuid");
        } else if (Arrays.equals(id, PREVIEW) && depth == 0) {
            // 8 bytes follow the uuid, then the PRVW box: size, 'PRVW', u32, u16, width, height, u16, JPEG length
            for (long p = body + 16; p <= body + 24 && p + 24 <= end; p += 8) {
                if ("PRVW".equals(fourcc(source.bytes(p + 4, 4)))) {
                    embedded(p + 20, p + 24, Math.min(end, p + source.u32(p, BE)), "CR3 PRVW");
                    return;
                }
            }
            layout.damaged("preview uuid at byte " + at + " holds no PRVW box");
        }
    }

    /** A JPEG whose length is the 32-bit value at {@code lengthAt} and whose bytes start at {@code jpegAt}. */
    private void embedded(long lengthAt, long jpegAt, long end, String origin) throws IOException {
        if (jpegAt >= end) {
            return;
        }
        long declared = source.u32(lengthAt, BE);
        long length = declared > 0 ? Math.min(declared, end - jpegAt) : end - jpegAt;
        layout.candidate(jpegAt, length, origin);
    }

    /** IFD0 of the CR3 as a TIFF structure: orientation, make, model, date. */
    private void cmt1(long body, long end) throws IOException {
        long n = end - body;
        if (n < 8 || n > RawLimits.MAX_CMT_BYTES) {
            return;
        }
        ExifTags tags = ExifTags.read(source.bytes(body, (int) n), 0, (int) n);
        layout.orientation = tags.orientation();
        layout.metadata.putAll(tags.values());
        layout.make = tags.values().get("Make");
        layout.model = tags.values().get("Model");
    }

    /**
     * A track's sample entry ({@code CRAW}, a VisualSampleEntry): its width and height (the largest is the sensor's),
     * and whether it codes sensor data ({@code CMP1}: CRX) rather than the full-size JPEG ({@code JPEG}), so the raw
     * tracks at the end of the file are never read to find that out.
     */
    private void sensorSize(long body, long end) throws IOException {
        long entry = body + 8;
        if (end - entry >= 36) {
            layout.sensor(source.u16(entry + 32, BE), source.u16(entry + 34, BE));
            byte[] sample = source.bytes(entry, (int) Math.min(end - entry, 4096));
            for (int i = 8; i + 4 <= sample.length; i++) {
                if (ByteFields.ascii(sample, i, "CMP1")) {
                    trackSensorData = true;
                    break;
                }
            }
        }
    }

    private static String fourcc(byte[] b) {
        StringBuilder s = new StringBuilder(4);
        for (byte c : b) {
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }
}
