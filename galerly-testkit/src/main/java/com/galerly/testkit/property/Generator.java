/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.property;

import java.util.SplittableRandom;

/**
 * The seeded source of one generated case's values. Numbers and lengths lean towards the edges where rules
 * break: about one draw in eight is a bound of its range, one in four a small distance from the lower bound
 * (log-uniform), the rest uniform over the range.
 *
 * <pre>{@code
 * Generator g = new Generator(42);
 * int width = g.ints(1, 60_000);
 * String name = g.string(Generator.ANY_CHARS, 0, 255);
 * }</pre>
 */
public final class Generator {
    /**
     * Every UTF-16 unit except noncharacters and private-use ones: controls, format characters and lone
     * surrogates included.
     */
    public static final String ANY_CHARS = anyChars();

    /** {@code a-z}, {@code A-Z} and {@code 0-9}. */
    public static final String ALPHANUMERIC = chars('a', 'z') + chars('A', 'Z') + chars('0', '9');

    private final SplittableRandom random;

    /** A generator whose draws depend on {@code seed} only. */
    public Generator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An int in {@code [min, max]}. */
    public int ints(int min, int max) {
        return (int) longs(min, max);
    }

    /** A long in {@code [min, max]}. */
    public long longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be at most max, was " + min + " > " + max);
        }
        int pick = random.nextInt(16);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        long span = max - min;                                     // unsigned when the range is over half of long
        if (pick < 6) {
            int bits = random.nextInt(64 - Long.numberOfLeadingZeros(span) + 1);
            long offset = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
            if (Long.compareUnsigned(offset, span) <= 0) {
                return min + offset;
            }
        }
        if (span == -1) {                                          // the whole of long
            return random.nextLong();
        }
        return min + unsignedBelow(span + 1);
    }

    /** Any long, uniformly: a seed for code that takes its own {@link java.util.Random}. */
    public long seed() {
        return random.nextLong();
    }

    /** True or false, evenly. */
    public boolean bool() {
        return random.nextBoolean();
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A string of {@code minLength..maxLength} characters of {@code alphabet}. */
    public String string(String alphabet, int minLength, int maxLength) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet must not be empty");
        }
        int length = ints(minLength, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** {@code minLength..maxLength} bytes, each uniform. */
    public byte[] bytes(int minLength, int maxLength) {
        byte[] out = new byte[ints(minLength, maxLength)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** One of the values, evenly. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** The characters {@code from..to}, both included, as an alphabet for {@link #string}. */
    public static String chars(char from, char to) {
        if (from > to) {
            throw new IllegalArgumentException("from must be at most to, was " + (int) from + " > " + (int) to);
        }
        StringBuilder out = new StringBuilder(to - from + 1);
        for (int c = from; c <= to; c++) {
            out.append((char) c);
        }
        return out.toString();
    }

    private long unsignedBelow(long bound) {                       // bound is unsigned, not 0
        if (bound > 0) {
            return random.nextLong(bound);
        }
        long r;
        do {
            r = random.nextLong();
        } while (Long.compareUnsigned(r, bound) >= 0);
        return r;
    }

    private static String anyChars() {
        StringBuilder out = new StringBuilder();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF;
            if (!nonCharacter && Character.getType(c) != Character.PRIVATE_USE) {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
