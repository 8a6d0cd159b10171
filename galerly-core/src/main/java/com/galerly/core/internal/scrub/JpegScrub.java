/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scrub;

import com.galerly.core.scrub.KeptTag;
import com.galerly.core.scrub.ScrubResult;
import com.galerly.core.spi.JpegSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a JPEG's markers, keeping the segments a decoder needs (tables, frame, scans, JFIF, ICC, Adobe) and the
 * entropy-coded data verbatim, and dropping or reducing metadata segments, also between progressive scans.
 * Stops at EOI.
 */
public final class JpegScrub {
    private JpegScrub() {
    }

    public static ScrubResult scrub(byte[] b, Set<KeptTag> keep) {
        if (b.length < 4 || !JpegSegments.startsWithSoi(b)) {
            return new ScrubResult(b, List.of(), true);
        }
        Set<Integer> keptTags = Exif.tags(keep);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        List<String> removed = new ArrayList<>();
        out.write(0xFF);
        out.write(0xD8);
        JpegSegments segments = JpegSegments.of(b, 2, b.length);
        int pos = 2;                                                 // what is written or dropped so far
        boolean inScan = false;
        try {
            while (segments.next()) {
                int at = (int) segments.offset();
                if (inScan) {
                    out.write(b, pos, at - pos);                     // entropy-coded data, verbatim
                } else if (segments.skipped() > 0) {
                    removed.add(unreadable(b, pos));
                    pos = b.length;
                    break;
                }
                int marker = segments.marker();
                pos = (int) segments.end();
                inScan = marker == JpegSegments.SOS;
                if (JpegSegments.parameterless(marker)) {
                    out.write(b, at, 2);
                } else {
                    segment(b, marker, at, pos, keep, keptTags, out, removed);
                }
            }
            if (pos < b.length) {
                removed.add("data after EOI, " + (b.length - pos) + " bytes");
            }
        } catch (JpegSegments.Truncated | JpegSegments.Malformed e) {
            // cut short: the rest is copied as it is (the decoder will say so), but metadata, even cut short, is
            // dropped; stray bytes before the cut are dropped as above
            int marker = e instanceof JpegSegments.Truncated t ? t.marker() : -1;
            int at = e instanceof JpegSegments.Truncated t ? (int) t.offset() : b.length;
            if (pos == b.length) {
                // nothing left
            } else if (!inScan && (b[pos] & 0xFF) != 0xFF) {
                removed.add(unreadable(b, pos));
            } else if (marker >= 0 && at + 4 <= b.length) {
                segment(b, marker, at, b.length, keep, keptTags, out, removed);
            } else {
                out.write(b, pos, b.length - pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to read", e);
        }
        byte[] cleaned = out.toByteArray();
        return new ScrubResult(removed.isEmpty() ? b : cleaned, removed, true);
    }

    private static String unreadable(byte[] b, int pos) {
        return "bytes after an unreadable marker at " + pos + ", " + (b.length - pos) + " bytes";
    }

    /** Keeps, drops or reduces the segment {@code b[at..end)} whose marker code is {@code marker}. */
    private static void segment(byte[] b, int marker, int at, int end, Set<KeptTag> keep, Set<Integer> keptTags,
                                ByteArrayOutputStream out, List<String> removed) {
        int payload = at + 4;
        switch (decide(marker, b, payload, end)) {
            case KEEP -> out.write(b, at, end - at);
            case EXIF -> {
                int tiff = payload + 6;
                byte[] reduced = MinimalExif.reduce(b, tiff, end - tiff, keptTags);
                int before = end - at;
                if (reduced != null) {
                    int segmentLength = 2 + 6 + reduced.length;
                    out.write(0xFF);
                    out.write(0xE1);
                    out.write(segmentLength >> 8);
                    out.write(segmentLength);
                    out.write(b, payload, 6);
                    out.writeBytes(reduced);
                    removed.add("APP1 EXIF reduced to orientation" + (keptTags.isEmpty() ? "" : " and " + keep)
                            + ", " + before + " -> " + (segmentLength + 2) + " bytes");
                } else {
                    removed.add("APP1 EXIF, " + before + " bytes");
                }
            }
            case DROP -> removed.add(describe(marker, b, payload, end) + ", " + (end - at) + " bytes");
            default -> throw new IllegalStateException();
        }
    }

    private enum Decision { KEEP, DROP, EXIF }

    private static Decision decide(int marker, byte[] b, int payload, int end) {
        if (marker == 0xE0) {
            return Exif.startsWith(b, payload, end, "JFIF\0") || Exif.startsWith(b, payload, end, "JFXX\0")
                    ? Decision.KEEP : Decision.DROP;
        }
        if (marker == 0xE1) {
            return Exif.startsWith(b, payload, end, "Exif\0") ? Decision.EXIF : Decision.DROP;
        }
        if (marker == 0xE2) {
            return Exif.startsWith(b, payload, end, "ICC_PROFILE\0") ? Decision.KEEP : Decision.DROP;
        }
        if (marker == 0xEE) {
            return Exif.startsWith(b, payload, end, "Adobe") ? Decision.KEEP : Decision.DROP;
        }
        if ((marker >= 0xE3 && marker <= 0xEF) || marker == 0xFE) {
            return Decision.DROP;
        }
        return Decision.KEEP;
    }

    private static String describe(int marker, byte[] b, int payload, int end) {
        if (marker == 0xFE) {
            return "COM comment";
        }
        if (marker == 0xE1 && Exif.startsWith(b, payload, end, "http://ns.adobe.com/")) {
            return "APP1 XMP";
        }
        if (marker == 0xED) {
            return "APP13 IPTC/Photoshop";
        }
        if (marker == 0xE2 && Exif.startsWith(b, payload, end, "MPF\0")) {
            return "APP2 MPF";
        }
        return "APP" + (marker - 0xE0);
    }
}
