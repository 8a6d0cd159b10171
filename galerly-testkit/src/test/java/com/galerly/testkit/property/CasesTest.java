/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CasesTest {
    private record Drawn(int number, String text) {
        static Drawn draw(Generator g) {
            return new Drawn(g.ints(-5, 5), g.string(Generator.ANY_CHARS, 0, 300));
        }
    }

    private static List<Drawn> drawn(int count) {
        List<Drawn> out = new ArrayList<>();
        Cases.check(count, Drawn::draw, out::add);
        return out;
    }

    private static <T> T withSeed(String seed, Supplier<T> run) {
        String before = System.getProperty(Cases.SEED_PROPERTY);
        System.setProperty(Cases.SEED_PROPERTY, seed);
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(Cases.SEED_PROPERTY);
            } else {
                System.setProperty(Cases.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void runsEveryCaseAndTheSameSeedGivesTheSameCases() {
        List<Drawn> first = drawn(500);
        assertEquals(500, first.size());
        assertEquals(first, drawn(500));
        assertTrue(new HashSet<>(first).size() > 400, "cases differ");
    }

    @Test
    void aFailureNamesTheCaseItsSeedAndItsValuesAndRerunsFirstFromThatSeed() {
        List<Drawn> all = drawn(40);
        int failing = 17;
        IllegalStateException thrown = new IllegalStateException("boom");
        AssertionError e = assertThrows(AssertionError.class, () -> Cases.check(40, Drawn::draw, d -> {
            if (d.equals(all.get(failing))) {
                throw thrown;
            }
        }));
        assertSame(thrown, e.getCause());
        String message = e.getMessage();
        assertTrue(message.startsWith("case 18 of 40 failed, seed="), message);
        assertTrue(message.contains("Drawn[number=" + all.get(failing).number() + ", text="), message);
        assertTrue(message.endsWith(": java.lang.IllegalStateException: boom"), message);
        assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable: " + message);

        String seed = message.substring(message.indexOf("seed=") + 5, message.indexOf(" (-D"));
        List<Drawn> rerun = withSeed(seed, () -> drawn(40 - failing));
        assertEquals(all.subList(failing, 40), rerun);
        assertNotEquals(all.get(0), rerun.get(0));
    }

    @Test
    void refusesAMalformedSeedOrCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withSeed("0xZ", () -> drawn(1)));
        assertTrue(e.getMessage().contains("galerly.seed") && e.getMessage().contains("0xZ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> drawn(0));
    }

    @Test
    void describesControlsAndSurrogatesEscapedBytesInHexAndCutsLongValues() {
        assertEquals("\"a\\u0000\\ud800\\u005c\"", Cases.describe("a\u0000\ud800\\"));
        assertEquals("2 bytes 0x01ff", Cases.describe(new byte[] {1, (byte) 0xFF}));
        assertEquals("[1, null, \"x\"]", Cases.describe(new Object[] {1, null, "x"}));
        assertEquals("\"" + "x".repeat(4000) + "...\" (5000 chars)", Cases.describe("x".repeat(5000)));
    }

    @Test
    void numbersReachBothBoundsAndStayWithinThem() {
        Set<Long> seen = new HashSet<>();
        Generator g = new Generator(1);
        for (int i = 0; i < 2000; i++) {
            long n = g.longs(-3, 1_000_000);
            assertTrue(n >= -3 && n <= 1_000_000, Long.toString(n));
            seen.add(n);
            long any = g.longs(Long.MIN_VALUE, Long.MAX_VALUE);
            seen.add(any == Long.MIN_VALUE || any == Long.MAX_VALUE ? any : 0L);
            int small = g.ints(Integer.MIN_VALUE, Integer.MIN_VALUE + 2);
            assertTrue(small - Integer.MIN_VALUE <= 2, Integer.toString(small));
        }
        assertTrue(seen.containsAll(List.of(-3L, 1_000_000L, Long.MIN_VALUE, Long.MAX_VALUE)), "bounds are drawn");
        assertTrue(seen.stream().filter(n -> n > -3 && n < 100).count() > 10, "small values are drawn");
        assertTrue(seen.stream().filter(n -> n > 100_000 && n < 1_000_000).count() > 100, "large values are drawn");
    }

    @Test
    void stringsUseTheirAlphabetAndLengths() {
        Generator g = new Generator(2);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String s = g.string("ab", 2, 9);
            assertTrue(s.matches("[ab]{2,9}"), s);
            lengths.add(s.length());
        }
        assertEquals(8, lengths.size());
        assertEquals("xyz", Generator.chars('x', 'z'));
        assertEquals(0x10000 - 34 - 6400, Generator.ANY_CHARS.length(), "all but noncharacters and private use");
        assertTrue(Generator.ANY_CHARS.indexOf('\ud800') >= 0 && Generator.ANY_CHARS.indexOf('\u0000') >= 0);
        assertEquals(62, Generator.ALPHANUMERIC.length());
    }
}
