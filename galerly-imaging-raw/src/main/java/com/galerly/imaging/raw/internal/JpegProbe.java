/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

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
        long at = start + 2;
        for (int segment = 0; segment < RawLimits.MAX_SEGMENTS; segment++) {
            if (at + 4 > end) {
                break;
            }
            if (source.u8(at) != 0xFF) {
                throw new Rejected(c.origin() + ": no JPEG marker at byte " + at, false);
            }
            int marker = source.u8(at + 1);
            if (marker == 0xFF) {
                at++;                                   // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += 2;
                continue;
            }
            if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
                throw new Rejected(c.origin() + ": JPEG without a frame header before its scan", false);
            }
            int size = source.u16(at + 2, ByteOrder.BIG_ENDIAN);
            if (size < 2 || at + 2 + size > end) {
                throw new Rejected(c.origin() + ": JPEG segment 0x" + Integer.toHexString(marker) + " of " + size
                        + " bytes runs past the preview", false);
            }
            if (sof(marker)) {
                if (size < 8) {
                    throw new Rejected(c.origin() + ": short JPEG frame header", false);
                }
                int precision = source.u8(at + 4);
                int height = source.u16(at + 5, ByteOrder.BIG_ENDIAN);
                int width = source.u16(at + 7, ByteOrder.BIG_ENDIAN);
                int components = source.u8(at + 9);
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
            at += 2 + size;
        }
        throw new Rejected(c.origin() + ": no JPEG frame header", false);
    }

    private static boolean sof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static String kind(int marker) {
        return switch (marker) {
            case 0xC3, 0xC7, 0xCB, 0xCF -> "lossless";
            case 0xC5, 0xC6, 0xCD, 0xCE -> "hierarchical";
            default -> "arithmetic-coded";
        };
    }
}
