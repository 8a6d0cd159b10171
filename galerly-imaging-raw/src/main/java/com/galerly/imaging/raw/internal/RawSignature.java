/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.imaging.spi.ByteFields;

/** What the first bytes of a file say about it as a camera RAW. */
public enum RawSignature {
    /** Fujifilm: {@code FUJIFILMCCD-RAW }. */
    RAF,
    /** Canon: an ISO-BMFF {@code ftyp} box of brand {@code crx }. */
    CR3,
    /** Canon: a little-endian TIFF header followed by {@code CR}. */
    CR2,
    /** Olympus / OM System: TIFF with the magic {@code RO} or {@code RS}. */
    ORF,
    /** Panasonic / Leica: TIFF with the magic 0x55. */
    RW2,
    /** A plain TIFF header: NEF, ARW, DNG, PEF, SRW... or an ordinary TIFF. */
    TIFF,
    /** Not a RAW. */
    NONE;

    public static RawSignature of(byte[] h) {
        if (ByteFields.ascii(h, 0, "FUJIFILMCCD-RAW")) {
            return RAF;
        }
        if (ByteFields.ascii(h, 4, "ftypcrx ")) {
            return CR3;
        }
        if (ByteFields.ascii(h, 0, "II*\0") && ByteFields.ascii(h, 8, "CR")) {
            return CR2;
        }
        if (ByteFields.ascii(h, 0, "IIRO") || ByteFields.ascii(h, 0, "IIRS") || ByteFields.ascii(h, 0, "MMOR")) {
            return ORF;
        }
        if (ByteFields.ascii(h, 0, "IIU\0")) {
            return RW2;
        }
        if (ByteFields.ascii(h, 0, "II*\0") || ByteFields.ascii(h, 0, "MM\0*")) {
            return TIFF;
        }
        return NONE;
    }
}
