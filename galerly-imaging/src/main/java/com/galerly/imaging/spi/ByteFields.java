/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.spi;

import java.nio.ByteOrder;

/**
 * Numbers and ASCII tags read out of container bytes (ISO BMFF boxes, RIFF chunks, TIFF directories) that the caller
 * has already bounds-checked: unsigned 16-, 24- and 32-bit fields in either byte order, a four-character code, and
 * the {@code II}/{@code MM} byte-order mark of TIFF. One copy, shared by the engine and its plugins.
 *
 * <pre>{@code
 * if (ByteFields.ascii(box, 4, "ftyp")) {
 *     long size = ByteFields.u32(box, 0, ByteOrder.BIG_ENDIAN);
 * }
 * ByteOrder order = ByteFields.tiffOrder(exif, 0);   // null: no TIFF header
 * }</pre>
 */
public final class ByteFields {
    private ByteFields() {
    }

    /** The unsigned 16-bit field at {@code at}. */
    public static int u16(byte[] b, int at, ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF
                : (b[at + 1] & 0xFF) << 8 | b[at] & 0xFF;
    }

    /** The unsigned 24-bit field at {@code at} (RIFF/WebP sizes are little-endian). */
    public static int u24(byte[] b, int at, ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at + 2] & 0xFF
                : (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at] & 0xFF;
    }

    /** The unsigned 32-bit field at {@code at}, as a non-negative long. */
    public static long u32(byte[] b, int at, ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN
                ? (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF
                : (b[at + 3] & 0xFFL) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at] & 0xFF;
    }

    /**
     * Whether {@code b} holds the characters of {@code ascii} (each below 0x100) at {@code at}; false, never an
     * exception, when they would lie outside {@code b}.
     */
    public static boolean ascii(byte[] b, int at, String ascii) {
        if (at < 0 || b.length - at < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The byte order a TIFF header's {@code II} (little-endian) or {@code MM} (big-endian) names, or null. */
    public static ByteOrder tiffOrder(byte[] b, int at) {
        if (ascii(b, at, "II")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (ascii(b, at, "MM")) {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }
}
