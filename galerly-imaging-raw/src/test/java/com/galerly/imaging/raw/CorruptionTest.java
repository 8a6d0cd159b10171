/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.raw.RawFixtures.Container;
import com.galerly.imaging.testkit.ImageDecoderContract;
import com.galerly.testkit.image.MalformedImages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzing with a fixed seed: random byte damage anywhere, and pointer damage in the directories and boxes (words
 * set to 0, -1, huge, the file's length, a pointer to itself). Whatever happens, the processor either renders or
 * fails with a Galerly error; the walk alone never throws anything but an I/O or Galerly error (no index or size
 * exception escapes the bounds checks); and all of it ends within the time bound.
 */
class CorruptionTest {
    private static final Set<ErrorCode> EXPECTED = EnumSet.of(ErrorCode.CORRUPT_IMAGE, ErrorCode.UNSUPPORTED_FORMAT,
            ErrorCode.LIMIT_EXCEEDED);
    private static final int ROUNDS = 300;

    /** Overwrites one aligned word of the structure (the first 4 KiB, where directories and boxes live). */
    static byte[] pointerDamage(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int at = random.nextInt(Math.min(out.length - 4, 4096)) & ~1;
        long[] values = {0, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, out.length, out.length - 1, out.length + 1, at,
            at + 2, random.nextInt(), random.nextInt(65536), 1, 8};
        long v = values[random.nextInt(values.length)];
        ByteBuffer b = ByteBuffer.wrap(out).order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (random.nextBoolean()) {
            b.putInt(at, (int) v);
        } else {
            b.putShort(at, (short) v);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    @Timeout(60)
    void randomDamageEndsInARenditionOrAGalerlyError(Container container) {
        byte[] seed = RawFixtures.of(container, 6).bytes();
        Random random = new Random(0x5EED_0000L + container.ordinal());
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutant = round % 2 == 0 ? MalformedImages.mutate(seed, random) : pointerDamage(seed, random);
            String name = "fuzz-" + round + "." + container.extension;
            try {
                if (round % 3 == 0) {
                    RawDecoderTest.PROCESSOR.process(ImageSource.of(name, mutant), RenditionProfile.standard());
                } else {
                    RawDecoderTest.PROCESSOR.inspect(ImageSource.of(name, mutant));
                }
            } catch (GalerlyException e) {
                assertTrue(EXPECTED.contains(e.code()), name + ": " + e.code() + " " + e.getMessage());
                assertTrue(e.getMessage().contains(name), "names the input: " + e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > ROUNDS / 10, "the damage must reach the parsers, " + refused + " refused");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    @Timeout(60)
    void theWalkThrowsNothingButIoAndGalerlyErrors(Container container) {
        byte[] seed = RawFixtures.of(container, 1).bytes();
        Random random = new Random(0xB0B_0000L + container.ordinal());
        RawDecoder decoder = new RawDecoder();
        for (int round = 0; round < 2 * ROUNDS; round++) {
            byte[] mutant = round % 2 == 0 ? pointerDamage(seed, random) : MalformedImages.mutate(seed, random);
            ImageInput input = ImageDecoderContract.input("walk-" + round, mutant);
            if (!decoder.sniff(input.head()).accepted()) {
                continue;
            }
            try (ImageDecoder.Reading reading = decoder.open(input)) {
                reading.getClass();
            } catch (IOException | GalerlyException expected) {
                // the engine reports these as CORRUPT_IMAGE (or passes the Galerly error on)
            } catch (RuntimeException e) {
                fail("round " + round + " of " + container + ": the walk threw " + e, e);
            }
        }
    }
}
