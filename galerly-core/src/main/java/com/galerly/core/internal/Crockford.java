/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal;

/** Crockford base32 in lower case: URL-safe, and its ASCII order is its numeric order, so ids sort as strings. */
public final class Crockford {
    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private Crockford() {
    }

    /** Encodes the low {@code chars * 5} bits of {@code value} into {@code out} from {@code offset}, most significant first. */
    public static void encode(long value, int chars, char[] out, int offset) {
        for (int i = chars - 1; i >= 0; i--) {
            out[offset + i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
    }

    /** Decodes {@code chars} characters from {@code offset}; -1 if any is outside the alphabet. */
    public static long decode(CharSequence text, int offset, int chars) {
        long value = 0;
        for (int i = 0; i < chars; i++) {
            int digit = ALPHABET.indexOf(text.charAt(offset + i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 5) | digit;
        }
        return value;
    }
}
