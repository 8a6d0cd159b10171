/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Inputs a robust image pipeline must refuse cleanly: truncated files, empty files, text, and byte-level
 * mutations (flips, splices, cuts) for bounded fuzzing from seed files with a fixed random source.
 *
 * <pre>{@code
 * Random random = new Random(42);
 * byte[] cut = MalformedImages.truncated(jpeg, jpeg.length / 2);
 * byte[] mutant = MalformedImages.mutate(jpeg, random);
 * }</pre>
 */
public final class MalformedImages {
    private MalformedImages() {
    }

    /** The first {@code keep} bytes. */
    public static byte[] truncated(byte[] file, int keep) {
        if (keep < 0 || keep > file.length) {
            throw new IllegalArgumentException("keep must be 0.." + file.length + ", was " + keep);
        }
        return Arrays.copyOf(file, keep);
    }

    public static byte[] empty() {
        return new byte[0];
    }

    /** A text file (what a user uploads when they pick the wrong file named .jpg). */
    public static byte[] text() {
        return "Dear gallery,\nthis is not a photo.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** One random mutation: flip bytes, cut, splice a copy of another part, overwrite with 0xFF or 0x00, or insert. */
    public static byte[] mutate(byte[] seed, Random random) {
        if (seed.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = seed.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                int from = random.nextInt(out.length);
                int to = random.nextInt(out.length);
                int len = Math.min(random.nextInt(64) + 1, Math.min(out.length - from, out.length - to));
                System.arraycopy(seed, from, out, to, len);
            }
            case 3 -> {
                int at = random.nextInt(out.length);
                int len = Math.min(out.length - at, 1 + random.nextInt(16));
                Arrays.fill(out, at, at + len, random.nextBoolean() ? (byte) 0xFF : 0);
            }
            case 4 -> {
                int at = random.nextInt(Math.min(out.length, 256));
                out[at] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
            }
            default -> {
                int at = random.nextInt(out.length);
                byte[] junk = new byte[1 + random.nextInt(32)];
                random.nextBytes(junk);
                byte[] grown = new byte[out.length + junk.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(junk, 0, grown, at, junk.length);
                System.arraycopy(out, at, grown, at + junk.length, out.length - at);
                out = grown;
            }
        }
        return out;
    }
}
