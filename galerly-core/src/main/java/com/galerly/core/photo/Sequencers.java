/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import java.util.Comparator;

/**
 * Orders S3 event {@code sequencer} values of the same key. S3 documents them as hexadecimal strings of
 * varying length, compared by right-padding the shorter with zeros and then comparing as strings.
 * Comparison is case-insensitive.
 */
public final class Sequencers {
    /** Null (no sequencer, as in S3 Batch Operations) sorts before any value. */
    public static final Comparator<String> ORDER = Sequencers::compare;

    private Sequencers() {
    }

    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int length = Math.max(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = i < a.length() ? Character.toUpperCase(a.charAt(i)) : '0';
            char y = i < b.length() ? Character.toUpperCase(b.charAt(i)) : '0';
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }
}
