/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.core.spi.JpegSegments;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Reads the frame header of an embedded JPEG candidate without decoding it: its size, and whether it is a preview a
 * JPEG decoder renders (baseline, extended or progressive Huffman, 8-bit, grey or colour) rather than the lossless
 * JPEG stream some RAW files keep their sensor data in (CR2, DNG, older NEF), which only looks like one.
 */
final class JpegProbe {
    private JpegProbe() {
    }

    /**
     * A renderable preview's frame header.
     *
     * @param candidate  where it is
     * @param width      width from the frame header
     * @param height     height from the frame header
     * @param components colour components (1 or 3)
     */
    record Preview(Candidate candidate, int width, int height, int components) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** Why a candidate was not a renderable preview (never thrown: the next candidate may be). */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean outOfBounds;

        Rejected(String message, boolean outOfBounds) {
            super(message, null, false, false);
            this.outOfBounds = outOfBounds;
        }

        /** Whether the candidate points past the end of the file (the file is truncated or its pointers corrupt). */
        boolean outOfBounds() {
            return outOfBounds;
        }
    }

    static Preview probe(ByteSource source, Candidate c) throws IOException, Rejected {
        long start = c.offset();
        long length = c.length();
        if (start <= 0 || length < 4) {
            throw new Rejected(c.origin() + " declares " + length + " bytes at byte " + start, false);
        }
        if (!source.contains(start, length)) {
            throw new Rejected(c.origin() + " (" + length + " bytes at byte " + start + ") ends past the end of the file ("
                    + source.length() + " bytes)", true);
        }
        if (length > RawLimits.MAX_PREVIEW_BYTES) {
            throw new Rejected(c.origin() + " declares " + length + " bytes, over " + RawLimits.MAX_PREVIEW_BYTES, false);
        }
        long end = start + length;
        if (source.u16(start, ByteOrder.BIG_ENDIAN) != 0xFFD8) {
            throw new Rejected(c.origin() + " at byte " + start + " is not a JPEG", false);
        }
        // a cut-short segment inside the candidate is a bad candidate; a read past the file's end stays an
        // EOFException of the source (the file is truncated)
        JpegSegments segments = JpegSegments.of(source::u8, start + 2, end);
        try {
            for (int segment = 0; segment < RawLimits.MAX_SEGMENTS && segments.next(); segment++) {
                int marker = segments.marker();
                if (segments.skipped() > 0) {
                    throw new Rejected(c.origin() + ": " + segments.skipped()
                            + " bytes that are no JPEG marker before byte " + segments.offset(), false);
                }
                if (marker == JpegSegments.SOI || marker == JpegSegments.EOI || marker == JpegSegments.SOS) {
                    throw new Rejected(c.origin() + ": JPEG without a frame header before its scan", false);
                }
                if (JpegSegments.frameHeader(marker)) {
                    return frame(source, c, segments);
                }
            }
        } catch (JpegSegments.Truncated | JpegSegments.Malformed e) {
            throw new Rejected(c.origin() + ": " + e.getMessage() + " (a JPEG preview of " + length + " bytes)",
                    false);
        }
        throw new Rejected(c.origin() + ": no JPEG frame header", false);
    }

    private static Preview frame(ByteSource source, Candidate c, JpegSegments sof) throws IOException, Rejected {
        int marker = sof.marker();
        if (sof.length() < 6) {
            throw new Rejected(c.origin() + ": short JPEG frame header", false);
        }
        long p = sof.payload();
        int precision = source.u8(p);
        int height = source.u16(p + 1, ByteOrder.BIG_ENDIAN);
        int width = source.u16(p + 3, ByteOrder.BIG_ENDIAN);
        int components = source.u8(p + 5);
        if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
            throw new Rejected(c.origin() + " is a " + kind(marker) + " JPEG stream (" + width + "x" + height
                    + "): sensor data, not a preview", false);
        }
        if (precision != 8 || width == 0 || height == 0 || components != 1 && components != 3) {
            throw new Rejected(c.origin() + " is a " + precision + "-bit " + components + "-component "
                    + width + "x" + height + " JPEG, not a preview", false);
        }
        return new Preview(c, width, height, components);
    }

    private static String kind(int marker) {
        return switch (marker) {
            case 0xC3, 0xC7, 0xCB, 0xCF -> "lossless";
            case 0xC5, 0xC6, 0xCD, 0xCE -> "hierarchical";
            default -> "arithmetic-coded";
        };
    }
}
