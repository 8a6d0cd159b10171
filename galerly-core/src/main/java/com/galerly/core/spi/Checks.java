/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import java.util.Objects;

/**
 * Argument checks whose messages name the setting and the value, as Galerly's builders promise. Part of the SPI for
 * module authors: an adapter (a repository, a blob store, a plugin) validates its settings with the same messages
 * as Galerly's own builders.
 *
 * <pre>{@code
 * this.table = Checks.notBlank(table, "table");          // "table must not be blank"
 * this.quality = Checks.inRange(quality, 1, 100, "quality"); // "quality must be 1..100, was 0"
 * }</pre>
 */
public final class Checks {
    private Checks() {
    }

    /** {@code value}, or a NullPointerException naming the setting. */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** {@code value}, or an exception naming the setting when it is null or blank. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** {@code value} within {@code min..max}; the message names the setting, the range and the value. */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** {@code value} when greater than zero; otherwise the message names the setting and the value. */
    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** {@code value} when zero or more; otherwise the message names the setting and the value. */
    public static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** A duration within {@code min..max}; the message names the setting, the range and the value. */
    public static java.time.Duration within(java.time.Duration value, java.time.Duration min, java.time.Duration max,
                                            String name) {
        notNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** Quotes a user-supplied value for an error message: bounded length, control characters escaped. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 80) + 2).append('"');
        int limit = Math.min(value.length(), 64);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
