/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.property;

import java.lang.reflect.Array;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a property over {@code count} generated cases, each drawn from its own seeded {@link Generator}, as one
 * JUnit test; the first failing case stops the run with an {@link AssertionError} that names its seed and its
 * values, the property's own failure as the cause.
 *
 * <p>The run is reproducible: the first case's seed is {@link #DEFAULT_SEED}, or the value of the system
 * property {@value #SEED_PROPERTY}, and each next case's seed follows from the previous one. Running with
 * {@code -Dgalerly.seed=S}, where S is the failing case's seed, makes that case the first one. Cases run in a
 * loop rather than as {@code @ParameterizedTest} invocations, which cost about a millisecond each in JUnit and
 * Surefire: thousands of cases stay cheap.
 *
 * <pre>{@code
 * record Source(int width, int box) {}
 *
 * @Test
 * void neverUpscales() {
 *     Cases.check(1000, g -> new Source(g.ints(1, 60_000), g.ints(1, 8_000)),
 *             s -> assertTrue(plan(s.width(), s.box()).output().width() <= s.width(), s::toString));
 * }
 * }</pre>
 * A failure reads {@code case 18 of 1000 failed, seed=-2843...: Source[width=1, box=8000]: expected ...}.
 */
public final class Cases {
    /** The system property that replaces the default seed: {@code -Dgalerly.seed=-4838948128868212481}. */
    public static final String SEED_PROPERTY = "galerly.seed";

    /** The first case's seed when {@value #SEED_PROPERTY} is not set. */
    public static final long DEFAULT_SEED = 20_261_203L;

    private static final int MAX_SHOWN = 4000;

    private Cases() {
    }

    /**
     * Checks {@code property} on {@code count} values drawn by {@code generator}, each from a generator seeded
     * for its case, and stops at the first case that throws.
     *
     * @throws AssertionError naming the failing case's seed and values, with what the property threw as cause
     * @throws IllegalArgumentException if count is not positive or {@value #SEED_PROPERTY} is not a long
     */
    public static <T> void check(int count, Function<Generator, T> generator, ThrowingConsumer<T> property) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(property, "property");
        long seed = firstSeed();
        for (int i = 1; i <= count; i++, seed = nextSeed(seed)) {
            T value = null;
            try {
                value = generator.apply(new Generator(seed));
                property.accept(value);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionError("case " + i + " of " + count + " failed, seed=" + seed + " (-D"
                        + SEED_PROPERTY + "=" + seed + " runs it first): " + describe(value) + ": " + e, e);
            }
        }
    }

    /** The first case's seed: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
    public static long firstSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, was '" + value + "'", e);
        }
    }

    /** The seed of the case after the one seeded with {@code seed} (SplitMix64's mix, a bijection). */
    public static long nextSeed(long seed) {
        long z = seed + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A case's value as a failure shows it: printable ASCII, strings quoted, cut to 4,000 characters. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return bytes.length + " bytes 0x" + cut(hex.toString());
        }
        if (value.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(value)).mapToObj(i -> describe(Array.get(value, i)))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));    // controls and lone surrogates stay visible
            }
        }
        if (!(value instanceof CharSequence)) {
            return cut(out.toString());
        }
        String quoted = '"' + cut(out.toString()) + '"';
        return out.length() <= MAX_SHOWN ? quoted : quoted + " (" + text.length() + " chars)";
    }

    private static String cut(String shown) {
        return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "...";
    }
}
