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
import java.util.zip.CRC32;

/** Drops PNG text chunks, reduces eXIf, stops at IEND; every other chunk (IHDR, PLTE, IDAT...) is copied verbatim. */
public final class PngScrub {
    private static final int SIGNATURE = 8;

    private PngScrub() {
    }

    public static ScrubResult scrub(byte[] b, Set<KeptTag> keep) {
        if (b.length < SIGNATURE) {
            return new ScrubResult(b, List.of(), true);
        }
        Set<Integer> keptTags = Exif.tags(keep);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        List<String> removed = new ArrayList<>();
        out.write(b, 0, SIGNATURE);
        int pos = SIGNATURE;
        while (pos + 12 <= b.length) {
            long length = (b[pos] & 0xFFL) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            if (length > b.length - pos - 12) {
                out.write(b, pos, b.length - pos);                  // truncated: the decoder will say so
                pos = b.length;
                break;
            }
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            int end = data + (int) length + 4;
            switch (type) {
                case "tEXt", "zTXt", "iTXt" -> {
                    String keyword = keyword(b, data, data + (int) length);
                    if ((keyword.equals("Copyright") && keep.contains(KeptTag.COPYRIGHT))
                            || (keyword.equals("Author") && keep.contains(KeptTag.ARTIST))) {
                        out.write(b, pos, end - pos);
                    } else {
                        removed.add(type + " \"" + keyword + "\", " + (end - pos) + " bytes");
                    }
                }
                case "eXIf" -> {
                    byte[] reduced = MinimalExif.reduce(b, data, (int) length, keptTags);
                    if (reduced != null) {
                        writeChunk(out, "eXIf", reduced);
                        removed.add("eXIf reduced to orientation, " + (end - pos) + " -> " + (reduced.length + 12)
                                + " bytes");
                    } else {
                        removed.add("eXIf, " + (end - pos) + " bytes");
                    }
                }
                default -> out.write(b, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (pos < b.length) {
            removed.add("data after IEND, " + (b.length - pos) + " bytes");
        }
        return new ScrubResult(removed.isEmpty() ? b : out.toByteArray(), removed, true);
    }

    private static String keyword(byte[] b, int from, int to) {
        int i = from;
        while (i < to && i - from < 80 && b[i] != 0) {
            i++;
        }
        return new String(b, from, i - from, StandardCharsets.ISO_8859_1);
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        int n = data.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
    }
}
