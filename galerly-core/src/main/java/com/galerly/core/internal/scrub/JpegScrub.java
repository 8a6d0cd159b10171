/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scrub;

import com.galerly.core.scrub.KeptTag;
import com.galerly.core.scrub.ScrubResult;
import java.io.ByteArrayOutputStream;
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
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return new ScrubResult(b, List.of(), true);
        }
        Set<Integer> keptTags = Exif.tags(keep);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        List<String> removed = new ArrayList<>();
        out.write(0xFF);
        out.write(0xD8);
        int pos = 2;
        while (pos < b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                removed.add("bytes after an unreadable marker at " + pos + ", " + (b.length - pos) + " bytes");
                break;
            }
            while (pos + 1 < b.length && (b[pos + 1] & 0xFF) == 0xFF) {
                pos++;                                               // fill bytes
            }
            if (pos + 1 >= b.length) {
                break;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                pos += 2;
                if (pos < b.length) {
                    removed.add("data after EOI, " + (b.length - pos) + " bytes");
                }
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(b, pos, 2);
                pos += 2;
                continue;
            }
            if (pos + 4 > b.length) {
                out.write(b, pos, b.length - pos);                   // truncated: the decoder will say so
                break;
            }
            int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            int end = Math.min(b.length, pos + 2 + length);
            if (length < 2) {
                out.write(b, pos, b.length - pos);
                break;
            }
            int payload = pos + 4;
            switch (decide(marker, b, payload, end)) {
                case KEEP -> out.write(b, pos, end - pos);
                case EXIF -> {
                    int tiff = payload + 6;
                    byte[] reduced = MinimalExif.reduce(b, tiff, end - tiff, keptTags);
                    int before = end - pos;
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
                case DROP -> removed.add(describe(marker, b, payload, end) + ", " + (end - pos) + " bytes");
                default -> throw new IllegalStateException();
            }
            pos = end;
            if (marker == 0xDA) {
                pos = copyEntropyData(b, pos, out);
            }
        }
        byte[] cleaned = out.toByteArray();
        return new ScrubResult(removed.isEmpty() ? b : cleaned, removed, true);
    }

    /** Copies entropy-coded data up to the next marker that is not a stuffed byte or a restart; returns its offset. */
    private static int copyEntropyData(byte[] b, int from, ByteArrayOutputStream out) {
        int i = from;
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    break;
                }
            }
            i++;
        }
        if (i + 1 >= b.length) {
            i = b.length;
        }
        out.write(b, from, i - from);
        return i;
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
