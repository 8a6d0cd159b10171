/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.nio.charset.StandardCharsets;

/** Text fields of RAW headers (numbers and tags: {@link com.galerly.imaging.spi.ByteFields}). */
final class Bytes {
    private Bytes() {
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
