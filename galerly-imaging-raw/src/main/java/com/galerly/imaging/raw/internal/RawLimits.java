/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

/** The bounds every walk keeps, whatever the file claims: a hostile file can make it stop, never loop or grow. */
final class RawLimits {
    /** Directories visited in one file (IFD0 chain, sub-IFDs, EXIF, makernote directories). */
    static final int MAX_DIRECTORIES = 64;
    /** Entries in one directory; real ones have at most a few hundred. */
    static final int MAX_ENTRIES = 1024;
    /** Sub-IFD pointers followed from one directory. */
    static final int MAX_SUB_IFDS = 16;
    /** Strip or tile offsets checked against the file length in one directory. */
    static final int MAX_STRIPS = 65_536;
    /** Embedded JPEG candidates probed. */
    static final int MAX_CANDIDATES = 32;
    /** ISO-BMFF boxes visited in a CR3, and their nesting. */
    static final int MAX_BOXES = 4096;
    static final int MAX_BOX_DEPTH = 8;
    /** JPEG segments read before the frame header of a candidate. */
    static final int MAX_SEGMENTS = 512;
    /** The largest embedded preview decoded (a full-size JPEG of a 100 MP sensor is about 40 MB). */
    static final long MAX_PREVIEW_BYTES = 256L * 1024 * 1024;
    /** The largest CMT1 (IFD0) block of a CR3 read into memory for its EXIF. */
    static final int MAX_CMT_BYTES = 256 * 1024;

    private RawLimits() {
    }
}
