/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scrub;

import com.galerly.core.scrub.KeptTag;
import com.galerly.core.scrub.ScrubResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Drops the WebP XMP chunk, reduces EXIF, and fixes the VP8X flags and the RIFF size; image chunks stay verbatim. */
public final class WebpScrub {
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpScrub() {
    }

    public static ScrubResult scrub(byte[] b, Set<KeptTag> keep) {
        if (b.length < 12) {
            return new ScrubResult(b, List.of(), true);
        }
        Set<Integer> keptTags = Exif.tags(keep);
        long riffEnd = Math.min(b.length, 8 + le32(b, 4));
        ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
        List<String> removed = new ArrayList<>();
        int vp8xFlagsAt = -1;
        boolean exifKept = false;
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String fourcc = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = le32(b, pos + 4);
            long padded = size + (size & 1);
            if (pos + 8 + size > riffEnd) {
                body.write(b, pos, (int) (riffEnd - pos));            // truncated: the decoder will say so
                pos = (int) riffEnd;
                break;
            }
            int end = (int) Math.min(riffEnd, pos + 8 + padded);
            switch (fourcc) {
                case "XMP " -> removed.add("XMP chunk, " + (end - pos) + " bytes");
                case "EXIF" -> {
                    int data = pos + 8;
                    int tiff = Exif.startsWith(b, data, data + (int) size, "Exif\0\0") ? data + 6 : data;
                    byte[] reduced = MinimalExif.reduce(b, tiff, data + (int) size - tiff, keptTags);
                    if (reduced != null) {
                        le32(body, "EXIF", reduced.length);
                        body.writeBytes(reduced);
                        if ((reduced.length & 1) == 1) {
                            body.write(0);
                        }
                        exifKept = true;
                        removed.add("EXIF chunk reduced to orientation, " + (end - pos) + " -> "
                                + (8 + reduced.length + (reduced.length & 1)) + " bytes");
                    } else {
                        removed.add("EXIF chunk, " + (end - pos) + " bytes");
                    }
                }
                default -> {
                    if (fourcc.equals("VP8X") && size >= 1) {
                        vp8xFlagsAt = 12 + body.size() + 8;
                    }
                    body.write(b, pos, end - pos);
                }
            }
            pos = end;
        }
        if (pos < b.length) {
            removed.add("data after the RIFF chunk, " + (b.length - pos) + " bytes");
        }
        if (removed.isEmpty()) {
            return new ScrubResult(b, removed, true);
        }
        byte[] chunks = body.toByteArray();
        byte[] out = new byte[12 + chunks.length];
        System.arraycopy(b, 0, out, 0, 12);
        System.arraycopy(chunks, 0, out, 12, chunks.length);
        int riffSize = out.length - 8;
        out[4] = (byte) riffSize;
        out[5] = (byte) (riffSize >> 8);
        out[6] = (byte) (riffSize >> 16);
        out[7] = (byte) (riffSize >> 24);
        if (vp8xFlagsAt >= 0) {
            int flags = out[vp8xFlagsAt] & 0xFF & ~XMP_FLAG;
            out[vp8xFlagsAt] = (byte) (exifKept ? flags | EXIF_FLAG : flags & ~EXIF_FLAG);
        }
        return new ScrubResult(out, removed, true);
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static void le32(ByteArrayOutputStream out, String fourcc, int size) {
        out.writeBytes(fourcc.getBytes(StandardCharsets.ISO_8859_1));
        out.write(size);
        out.write(size >> 8);
        out.write(size >> 16);
        out.write(size >> 24);
    }
}
