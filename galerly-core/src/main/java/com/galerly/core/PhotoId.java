/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.internal.Crockford;
import com.galerly.core.spi.Checks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Identifies a photo: 26 characters of lower-case Crockford base32 holding a 48-bit millisecond timestamp
 * and 80 random bits (the ULID layout). Ids are URL-safe, and their string order is their creation order,
 * so a gallery lists in upload order with one range query.
 *
 * <pre>{@code
 * PhotoId.Generator ids = PhotoId.generator(clock);
 * PhotoId id = ids.next();                 // e.g. 01jd6v2k8m3q9x7c5t4r2n0bza
 * Instant taken = id.timestamp();
 * }</pre>
 *
 * @param value the 26-character id
 */
public record PhotoId(String value) implements Comparable<PhotoId> {
    /** Length of every id. */
    public static final int LENGTH = 26;

    public PhotoId {
        Checks.notNull(value, "photo id");
        if (value.length() != LENGTH || value.charAt(0) > '7'
                || Crockford.decode(value, 0, 10) < 0 || Crockford.decode(value, 10, 8) < 0
                || Crockford.decode(value, 18, 8) < 0) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "photo id must be 26 characters of lower-case Crockford base32, was " + Checks.quote(value));
        }
    }

    public static PhotoId of(String value) {
        return new PhotoId(value);
    }

    /** The creation time encoded in the id, to the millisecond. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(Crockford.decode(value, 0, 10));
    }

    @Override
    public int compareTo(PhotoId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** A generator on the given clock with a {@link SecureRandom} source. */
    public static Generator generator(Clock clock) {
        return new Generator(clock, new SecureRandom());
    }

    /** A generator with an injected random source, for reproducible tests. */
    public static Generator generator(Clock clock, RandomGenerator random) {
        return new Generator(clock, random);
    }

    /**
     * Makes ids that are strictly increasing even within one millisecond or when the clock steps back:
     * the random part is incremented instead of redrawn, so upload order survives bursts. Thread-safe.
     */
    public static final class Generator {
        private static final long RANDOM_HIGH_MASK = (1L << 40) - 1;

        private final Clock clock;
        private final RandomGenerator random;
        private long lastMillis = -1;
        private long high;
        private long low;

        private Generator(Clock clock, RandomGenerator random) {
            this.clock = Checks.notNull(clock, "clock");
            this.random = Checks.notNull(random, "random");
        }

        public synchronized PhotoId next() {
            long now = clock.millis();
            if (now < 0 || now >= (1L << 48)) {
                throw new IllegalStateException("clock out of range for a photo id: " + now);
            }
            if (now > lastMillis) {
                lastMillis = now;
                high = random.nextLong() & RANDOM_HIGH_MASK;
                low = random.nextLong() & RANDOM_HIGH_MASK;
            } else if (++low > RANDOM_HIGH_MASK) {
                low = 0;
                if (++high > RANDOM_HIGH_MASK) {
                    lastMillis++;     // 80 bits exhausted in one millisecond: borrow the next one
                    high = 0;
                }
            }
            char[] out = new char[LENGTH];
            Crockford.encode(lastMillis, 10, out, 0);
            Crockford.encode(high, 8, out, 10);
            Crockford.encode(low, 8, out, 18);
            return new PhotoId(new String(out));
        }
    }
}
