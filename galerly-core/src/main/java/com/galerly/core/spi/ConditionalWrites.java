/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import com.galerly.core.ConflictException;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.photo.PhotoTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The writes of a {@link PhotoRepository} over a store with conditional writes (a version compare-and-set, a
 * conditional put): read the record, let {@link PhotoTransitions} decide, write only if the record is unchanged, and
 * on a lost race decide again on a fresh read, backing off a little, at most {@link #MAX_RACES} times. Part of the
 * SPI for module authors: the DynamoDB and JDBC repositories and the test kit's in-memory one run this one loop, so
 * they decide and retry alike; an adapter for another store supplies only its read and its conditional write.
 *
 * <pre>{@code
 * ConditionalWrites.Records<SQLException> rows = new ConditionalWrites.Records<>() {
 *     public Optional<Photo> read(PhotoKey key) throws SQLException { return selectRow(connection, key); }
 *     public boolean write(Photo next, Optional<Photo> current) throws SQLException {
 *         return current.isEmpty() ? insertRow(connection, next)          // false: the key exists
 *                 : updateRowIf(connection, next, current.get().version()); // false: another writer came first
 *     }
 * };
 * Photo done = ConditionalWrites.complete(rows, key, lease, completion, clock);
 * }</pre>
 */
public final class ConditionalWrites {
    /** How many lost races one write tolerates before it fails with a retryable {@code CONFLICT}. */
    public static final int MAX_RACES = 16;

    private ConditionalWrites() {
    }

    /**
     * A store's consistent read and conditional write of one record.
     *
     * @param <X> the store's checked exception ({@code SQLException}), or {@code RuntimeException} for none
     */
    public interface Records<X extends Exception> {
        /** The stored record, tombstones included; empty when there is none. Must see every completed write. */
        Optional<Photo> read(PhotoKey key) throws X;

        /**
         * Writes {@code next} if the stored record is still {@code current} (the same version; still absent when
         * {@code current} is empty); false when another writer came first, and then nothing was written.
         */
        boolean write(Photo next, Optional<Photo> current) throws X;
    }

    /**
     * Creates {@code photo} (at version 1 or more).
     *
     * @throws ConflictException a record exists under its key
     */
    public static <X extends Exception> void create(Records<X> records, Photo photo) throws X {
        Checks.notNull(records, "records");
        Checks.notNull(photo, "photo");
        Photo first = photo.toBuilder().version(Math.max(1, photo.version())).build();
        if (!records.write(first, Optional.empty())) {
            throw new ConflictException("photo " + photo.key() + " already exists");
        }
    }

    /** {@link PhotoRepository#claim}: decided by {@link PhotoTransitions#claim}, written when it writes. */
    public static <X extends Exception> ClaimResult claim(Records<X> records, ClaimRequest request, Clock clock)
            throws X {
        Checks.notNull(request, "request");
        return decideAndWrite(records, request.photo(), clock, (current, now) -> {
            ClaimResult result = PhotoTransitions.claim(current, request, now);
            return new Decision<>(result, result.writes() ? result.photo() : null);
        });
    }

    /** {@link PhotoRepository#complete}, decided by {@link PhotoTransitions#complete}. */
    public static <X extends Exception> Photo complete(Records<X> records, PhotoKey key, Lease lease,
                                                       Completion completion, Clock clock) throws X {
        return decideAndWrite(records, key, clock, (current, now) ->
                Decision.write(PhotoTransitions.complete(current, key, lease, completion, now)));
    }

    /** {@link PhotoRepository#fail}, decided by {@link PhotoTransitions#fail}. */
    public static <X extends Exception> Photo fail(Records<X> records, PhotoKey key, Lease lease, ErrorCode code,
                                                   String message, Clock clock) throws X {
        return decideAndWrite(records, key, clock, (current, now) ->
                Decision.write(PhotoTransitions.fail(current, key, lease, code, message, now)));
    }

    /** {@link PhotoRepository#release}, decided by {@link PhotoTransitions#release} (nothing written if not held). */
    public static <X extends Exception> void release(Records<X> records, PhotoKey key, Lease lease, Clock clock)
            throws X {
        decideAndWrite(records, key, clock, (current, now) ->
                Decision.write(PhotoTransitions.release(current, lease, now).orElse(null)));
    }

    /** {@link PhotoRepository#delete}: writes the tombstone of {@link PhotoTransitions#delete}; false if none. */
    public static <X extends Exception> boolean delete(Records<X> records, PhotoKey key, Clock clock) throws X {
        return decideAndWrite(records, key, clock, (current, now) -> {
            Photo tombstone = PhotoTransitions.delete(current, now).orElse(null);
            return new Decision<>(tombstone != null, tombstone);
        });
    }

    /** What to return, and the record to write (null: write nothing). */
    private record Decision<T>(T result, Photo write) {
        static Decision<Photo> write(Photo next) {
            return new Decision<>(next, next);
        }
    }

    @FunctionalInterface
    private interface Decide<T> {
        Decision<T> apply(Optional<Photo> current, Instant now);
    }

    private static <T, X extends Exception> T decideAndWrite(Records<X> records, PhotoKey key, Clock clock,
                                                             Decide<T> decide) throws X {
        Checks.notNull(records, "records");
        Checks.notNull(key, "key");
        Checks.notNull(clock, "clock");
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Photo> current = records.read(key);
            Decision<T> decision = decide.apply(current, clock.instant());
            if (decision.write() == null || records.write(decision.write(), current)) {
                return decision.result();
            }
            backOff(race);
        }
        throw new GalerlyException(ErrorCode.CONFLICT, "photo " + key + " changed " + MAX_RACES
                + " times while being written; retry later", null, true);
    }

    /**
     * Sleeps a short, jittered while before retry {@code attempt} (0-based): about 1, 2, 4 ... 64 ms, never over
     * 100 ms. The loop above pauses so after each lost race; a store's own retry of a partly answered request (the
     * keys a DynamoDB {@code BatchGetItem} left unprocessed) can pause alike.
     *
     * @throws GalerlyException {@code IO_ERROR} when the thread is interrupted (its interrupt flag is set again)
     */
    public static void backOff(int attempt) {
        Checks.notNegative(attempt, "attempt");
        try {
            Thread.sleep(pauseMillis(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalerlyException(ErrorCode.IO_ERROR, "interrupted while waiting to retry", e);
        }
    }

    static long pauseMillis(int attempt) {
        return Math.min(100, (1L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(5));
    }
}
