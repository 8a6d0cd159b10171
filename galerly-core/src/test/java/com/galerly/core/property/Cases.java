/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.property;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Seeded generated cases for core's own property tests, a minimal private form of galerly-testkit's
 * {@code com.galerly.testkit.property.Cases}, which core's tests cannot use (the test kit depends on core).
 * Same contract: {@code count} cases in one test, the first seed {@value #DEFAULT_SEED} or
 * {@code -Dgalerly.seed=S}; the first failing case stops the run with its seed and its value.
 */
public final class Cases {
    public static final long DEFAULT_SEED = 20_261_203L;

    private Cases() {
    }

    public static <T> void check(int count, Function<Generator, T> generator, ThrowingConsumer<T> property) {
        long seed = Long.parseLong(System.getProperty("galerly.seed", Long.toString(DEFAULT_SEED)).trim());
        for (int i = 1; i <= count; i++, seed = nextSeed(seed)) {
            T value = generator.apply(new Generator(seed));
            try {
                property.accept(value);
            } catch (Throwable e) {
                throw new AssertionError("case " + i + " of " + count + " failed, seed=" + seed
                        + " (-Dgalerly.seed=" + seed + " runs it first): " + value + ": " + e, e);
            }
        }
    }

    static long nextSeed(long seed) {
        long z = seed + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One case's values; numbers and lengths lean to the bounds and to small values, as the test kit's do. */
    public static final class Generator {
        private final SplittableRandom random;

        Generator(long seed) {
            this.random = new SplittableRandom(seed);
        }

        public int ints(int min, int max) {
            return (int) longs(min, max);
        }

        /** A long in {@code [min, max]}, for {@code max - min < Long.MAX_VALUE}. */
        public long longs(long min, long max) {
            long span = Math.subtractExact(max, min);
            int pick = random.nextInt(16);
            if (pick < 2) {
                return pick == 0 ? min : max;
            }
            if (pick < 6) {
                int bits = random.nextInt(65 - Long.numberOfLeadingZeros(span));
                long offset = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
                if (offset <= span) {
                    return min + offset;
                }
            }
            return min + random.nextLong(span + 1);
        }

        public long seed() {
            return random.nextLong();
        }

        public String string(String alphabet, int minLength, int maxLength) {
            StringBuilder out = new StringBuilder();
            for (int i = ints(minLength, maxLength); i > 0; i--) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }
    }
}
