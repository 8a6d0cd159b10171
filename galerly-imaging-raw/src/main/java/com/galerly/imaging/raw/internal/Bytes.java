/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reading numbers and ASCII out of byte arrays already bounds-checked by the caller. */
final class Bytes {
    private Bytes() {
    }

    static int u16(byte[] b, int i, ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF : (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
    }

    static long u32(byte[] b, int i, ByteOrder order) {
        long v = order == ByteOrder.BIG_ENDIAN
                ? (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF
                : (b[i + 3] & 0xFFL) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
        return v & 0xFFFFFFFFL;
    }

    /** Whether {@code b} holds {@code ascii} at {@code i}. */
    static boolean ascii(byte[] b, int i, String ascii) {
        if (i < 0 || b.length - i < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[i + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The byte order a TIFF-style {@code II} / {@code MM} mark names, or null. */
    static ByteOrder order(byte[] b, int i) {
        if (ascii(b, i, "II")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (ascii(b, i, "MM")) {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    /** A NUL-terminated or padded ASCII field, trimmed; printable characters only. */
    static String text(byte[] b, int i, int max) {
        int end = i;
        int limit = Math.min(b.length, i + max);
        while (end < limit && b[end] != 0) {
            end++;
        }
        String s = new String(b, i, end - i, StandardCharsets.ISO_8859_1).trim();
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
