/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.ConflictException;
import com.galerly.core.ErrorCode;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.spi.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The status rules every {@link PhotoRepository} applies, as pure functions from the current record to the
 * next one. An implementation reads the record, asks these functions, and writes the result only if the
 * record is unchanged (version compare-and-set); so the in-memory fake and DynamoDB decide identically.
 *
 * <ul>
 *   <li>claim: PENDING -> PROCESSING; absent -> PROCESSING when the request adopts unknown keys, else GONE;
 *       DELETED (a tombstone) -> GONE; ACTIVE or FAILED -> PROCESSING only for a different upload
 *       (newer sequencer, or another ETag when there is no sequencer) or, for ACTIVE, a claim with another profile
 *       fingerprint (a re-profiling backfill) or a forced re-render decided on the record's current version
 *       ({@link ClaimRequest#forcedAt}: a repair of missing renditions), else DUPLICATE; an older sequencer is
 *       STALE; PROCESSING is taken over when its lease expired or the event is newer, else BUSY. Taking over an
 *       expired lease of the same upload counts an attempt ({@link Photo#attempts()}); once
 *       {@link ClaimRequest#maxAttempts()} claims ended without a result, the claim writes FAILED
 *       ({@code LIMIT_EXCEEDED}) instead: GAVE_UP.</li>
 *   <li>REJECTED is final: every later claim is DUPLICATE (a replayed upload of a refused photo is not
 *       processed).</li>
 *   <li>complete / fail: PROCESSING -> ACTIVE / FAILED, only by the lease holder; a failure with a refusal
 *       code ({@link #isRefusal(ErrorCode)}) makes the photo REJECTED instead of FAILED.</li>
 *   <li>release: the lease holder gives the photo back (transient failure); it is claimable at once, and the
 *       attempt does not count.</li>
 *   <li>delete: any record -> DELETED, a tombstone expiring after {@link #TOMBSTONE_TTL}; repositories hide
 *       tombstones from get, getAll and list ({@link #visible}).</li>
 * </ul>
 * Every write increments {@link Photo#version()}.
 */
public final class PhotoTransitions {
    /**
     * How long a deleted photo's tombstone lasts: longer than the longest presigned URL (S3's SigV4 allows 7
     * days), so replaying an upload URL or a late event can never bring the photo back.
     */
    public static final Duration TOMBSTONE_TTL = Duration.ofDays(8);

    private PhotoTransitions() {
    }

    /** Whether repositories show the record (tombstones are hidden from get, getAll and list). */
    public static boolean visible(Photo photo) {
        return photo.status() != PhotoStatus.DELETED;
    }

    /** {@code current} as get shows it: empty for a tombstone. */
    public static Optional<Photo> visible(Optional<Photo> current) {
        return current.filter(PhotoTransitions::visible);
    }

    /**
     * Decides a claim. For CLAIMED the result's photo is the record to write, for GAVE_UP too
     * ({@link ClaimResult#writes()}).
     */
    public static ClaimResult claim(Optional<Photo> current, ClaimRequest request, Instant now) {
        Lease lease = new Lease(request.leaseToken(), now.plus(request.leaseDuration()));
        if (current.isEmpty()) {
            if (!request.adoptUnknown()) {
                return new ClaimResult(ClaimResult.Verdict.GONE, null);
            }
            Photo created = Photo.builder()
                    .gallery(request.photo().gallery()).id(request.photo().id())
                    .status(PhotoStatus.PROCESSING).originalKey(request.originalKey())
                    .contentType(request.contentType()).size(request.size()).uploadedAt(now)
                    .sequencer(request.sequencer()).eTag(request.eTag()).lease(lease).version(1).attempts(1)
                    .build();
            return new ClaimResult(ClaimResult.Verdict.CLAIMED, created);
        }
        Photo photo = current.get();
        if (photo.status() == PhotoStatus.DELETED) {
            return new ClaimResult(ClaimResult.Verdict.GONE, photo);
        }
        int order = request.sequencer() != null && photo.sequencer() != null
                ? Sequencers.compare(request.sequencer(), photo.sequencer()) : 0;
        if (order < 0) {
            return new ClaimResult(ClaimResult.Verdict.STALE, photo);
        }
        boolean sameUpload = request.sequencer() != null && photo.sequencer() != null
                ? order == 0
                : request.eTag().equals(photo.eTag());
        switch (photo.status()) {
            case REJECTED -> {
                return new ClaimResult(ClaimResult.Verdict.DUPLICATE, photo);
            }
            case ACTIVE -> {
                boolean otherProfile = request.profileFingerprint() != null
                        && !request.profileFingerprint().equals(photo.profileFingerprint());
                boolean forced = request.forced() && request.rerenderVersion() == photo.version();
                if (sameUpload && !otherProfile && !forced) {
                    return new ClaimResult(ClaimResult.Verdict.DUPLICATE, photo);
                }
            }
            case FAILED -> {
                if (sameUpload) {
                    return new ClaimResult(ClaimResult.Verdict.DUPLICATE, photo);
                }
            }
            case PROCESSING -> {
                boolean newer = order > 0 || (request.sequencer() != null && photo.sequencer() == null && !sameUpload);
                if (!photo.lease().expiredAt(now) && !newer) {
                    return new ClaimResult(ClaimResult.Verdict.BUSY, photo);
                }
                if (sameUpload && !newer && photo.attempts() >= request.maxAttempts()) {
                    return new ClaimResult(ClaimResult.Verdict.GAVE_UP, photo.toBuilder()
                            .status(PhotoStatus.FAILED).lease(null)
                            .error(ErrorCode.LIMIT_EXCEEDED, "gave up after " + photo.attempts() + " attempts: each "
                                    + "worker's lease expired before it finished (a crash, a timeout or too little "
                                    + "memory for this photo)")
                            .processedAt(now).version(photo.version() + 1).build());
                }
            }
            case PENDING -> {
                // the upload the record was made for has arrived
            }
            default -> throw new IllegalStateException("unexpected status " + photo.status());
        }
        int attempts = photo.status() == PhotoStatus.PROCESSING && sameUpload ? photo.attempts() + 1 : 1;
        Photo claimed = photo.toBuilder()
                .status(PhotoStatus.PROCESSING).lease(lease)
                .originalKey(request.originalKey()).eTag(request.eTag()).size(request.size())
                .contentType(request.contentType() != null ? request.contentType() : photo.contentType())
                .sequencer(request.sequencer() != null ? request.sequencer() : photo.sequencer())
                .error(null, null).expiresAt(null).version(photo.version() + 1).attempts(attempts)
                .build();
        return new ClaimResult(ClaimResult.Verdict.CLAIMED, claimed);
    }

    /** The ACTIVE record for the lease holder; CONFLICT if the lease was lost. */
    public static Photo complete(Optional<Photo> current, PhotoKey key, Lease lease, Completion completion, Instant now) {
        Photo photo = requireHolder(current, key, lease);
        return photo.toBuilder()
                .status(PhotoStatus.ACTIVE).lease(null).error(null, null)
                .contentType(completion.contentType()).dimensions(completion.width(), completion.height())
                .renditions(completion.renditions()).placeholder(completion.placeholder())
                .sha256(completion.sha256() != null ? completion.sha256() : photo.sha256())
                .profileFingerprint(completion.profileFingerprint())
                .processedAt(now).version(photo.version() + 1)
                .build();
    }

    /** The FAILED record for the lease holder; CONFLICT if the lease was lost. */
    public static Photo fail(Optional<Photo> current, PhotoKey key, Lease lease, ErrorCode code, String message,
                             Instant now) {
        Checks.notNull(code, "code");
        Photo photo = requireHolder(current, key, lease);
        return photo.toBuilder()
                .status(isRefusal(code) ? PhotoStatus.REJECTED : PhotoStatus.FAILED).lease(null).error(code, message)
                .processedAt(now).version(photo.version() + 1)
                .build();
    }

    /**
     * Whether a failure with this code refuses the upload for what it is (REJECTED) rather than failing to render
     * it (FAILED): content mismatch, active content, infected, duplicate.
     */
    public static boolean isRefusal(ErrorCode code) {
        return code == ErrorCode.CONTENT_MISMATCH || code == ErrorCode.ACTIVE_CONTENT || code == ErrorCode.INFECTED
                || code == ErrorCode.DUPLICATE;
    }

    /** The released record, or empty when the caller no longer holds the lease (nothing to do). */
    public static Optional<Photo> release(Optional<Photo> current, Lease lease, Instant now) {
        Checks.notNull(lease, "lease");
        return current
                .filter(p -> p.status() == PhotoStatus.PROCESSING && p.lease().token().equals(lease.token()))
                .map(p -> p.toBuilder().lease(new Lease(lease.token(), now)).attempts(Math.max(0, p.attempts() - 1))
                        .version(p.version() + 1).build());
    }

    /**
     * The tombstone to write for a delete, or empty when there is nothing to delete (no record, or already a
     * tombstone). It keeps the record's keys and drops its lease, so a worker still processing loses it.
     */
    public static Optional<Photo> delete(Optional<Photo> current, Instant now) {
        return visible(current).map(p -> p.toBuilder()
                .status(PhotoStatus.DELETED).lease(null).expiresAt(now.plus(TOMBSTONE_TTL))
                .version(p.version() + 1).build());
    }

    /**
     * Whether a sweep should look at the record: PROCESSING with an expired lease (its worker died; a re-driven
     * event reclaims it or gives up), or PENDING for longer than {@code pendingAge} (the upload never came, or
     * its event was lost).
     */
    public static boolean stale(Photo photo, Instant now, Duration pendingAge) {
        return switch (photo.status()) {
            case PROCESSING -> photo.lease().expiredAt(now);
            case PENDING -> !photo.uploadedAt().plus(pendingAge).isAfter(now)
                    || photo.expiresAt() != null && !photo.expiresAt().isAfter(now);
            default -> false;
        };
    }

    private static Photo requireHolder(Optional<Photo> current, PhotoKey key, Lease lease) {
        Checks.notNull(lease, "lease");
        Photo photo = current.orElseThrow(() -> new ConflictException("photo " + key + " no longer exists"));
        if (photo.status() != PhotoStatus.PROCESSING || !photo.lease().token().equals(lease.token())) {
            throw new ConflictException("lease on photo " + key + " was lost: it is " + photo.status()
                    + (photo.status() == PhotoStatus.PROCESSING ? " under another lease" : ""));
        }
        return photo;
    }
}
