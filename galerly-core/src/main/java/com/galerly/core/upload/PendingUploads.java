/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ConflictException;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.spi.Checks;
import com.galerly.core.spi.FileNames;
import com.galerly.core.photo.PhotoRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place PENDING records are made: when an upload is presigned, by the upload service given a
 * {@link PhotoRepository} and by {@code GalleryService}. Processing claims only such a record (or, as an explicit
 * opt-in for backfills, adopts an original with none), so an upload nobody requested, or one replayed after its
 * photo was deleted, is refused with {@code UNKNOWN_UPLOAD}.
 *
 * <p>The record waits for its upload until {@code ttl} after the upload URL expires: an upload may start until
 * then, and its event may be delivered late.
 *
 * <pre>{@code
 * UploadTicket ticket = ...;   // presigned for request
 * PendingUploads.create(photos, PendingUploads.record(layout, ticket.photo(), ticket.key(), request,
 *     request.owner().orElse(null), clock.instant(), ticket.expiresAt(), Duration.ofDays(1)));
 * }</pre>
 */
public final class PendingUploads {
    /** How long a PENDING record outlives its upload URL unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(1);
    /** The shortest lifetime a PENDING record may be given after its upload URL expired. */
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** The longest lifetime a PENDING record may be given after its upload URL expired. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    private PendingUploads() {
    }

    /**
     * {@code ttl} when it is a lifetime a PENDING record may be given ({@link #MIN_TTL}..{@link #MAX_TTL}): the one
     * check behind every builder's {@code pendingExpiry} setting (the upload services' and {@code GalleryService}'s),
     * so they accept the same values.
     *
     * <pre>{@code
     * PendingUploads.checkTtl(Duration.ofHours(6));    // PT6H
     * PendingUploads.checkTtl(Duration.ofSeconds(5));  // IllegalArgumentException: pendingExpiry must be PT1M..PT720H, was PT5S
     * }</pre>
     */
    public static Duration checkTtl(Duration ttl) {
        return Checks.within(ttl, MIN_TTL, MAX_TTL, "pendingExpiry");
    }

    /**
     * The PENDING record for an upload being presigned. Its file name is the request's as {@link FileNames#sanitize}
     * cleans it, the rule the upload services apply to the upload's metadata and download names too.
     *
     * @param layout     where the upload lands and which original it becomes
     * @param photo      the photo the upload service allotted
     * @param uploadKey  the key the client uploads to (under the incoming prefix)
     * @param request    what the client declared (content type, length, file name)
     * @param owner      the uploader recorded on the photo, or null
     * @param now        the time of the request
     * @param urlExpiry  when the upload URL (or form, or the multipart parts' URLs) expires
     * @param ttl        how long after {@code urlExpiry} the record waits for its upload
     */
    public static Photo record(KeyLayout layout, PhotoKey photo, String uploadKey, UploadRequest request, String owner,
                               Instant now, Instant urlExpiry, Duration ttl) {
        Checks.notNull(layout, "layout");
        Checks.notNull(photo, "photo");
        Checks.notNull(request, "request");
        Checks.notNull(now, "now");
        Checks.notNull(urlExpiry, "urlExpiry");
        Checks.notNull(ttl, "ttl");
        KeyLayout.Original upload = layout.parseIncoming(uploadKey).orElseThrow(() -> new IllegalArgumentException(
                Checks.quote(uploadKey) + " is not an upload's key in " + layout));
        if (!upload.key().equals(photo)) {
            throw new IllegalArgumentException("upload key " + uploadKey + " is not photo " + photo + "'s");
        }
        Instant latest = urlExpiry.isAfter(now) ? urlExpiry : now;
        return Photo.builder().gallery(photo.gallery()).id(photo.id()).status(PhotoStatus.PENDING)
                .owner(owner).originalKey(layout.promotedKey(upload))
                .fileName(request.fileName().flatMap(FileNames::sanitize).orElse(null))
                .contentType(request.contentType()).size(Math.max(0, request.contentLength()))
                .uploadedAt(now).expiresAt(latest.plus(ttl)).build();
    }

    /**
     * Creates the record. Idempotent for one upload: when the same PENDING record is already there (an upload
     * service and a gallery service that share a repository both record the upload), nothing is written.
     *
     * @throws ConflictException another record exists under the photo's key
     */
    public static void create(PhotoRepository photos, Photo pending) {
        Checks.notNull(photos, "photos");
        Checks.notNull(pending, "pending");
        if (pending.status() != PhotoStatus.PENDING) {
            throw new IllegalArgumentException("not a PENDING record: " + pending.status());
        }
        try {
            photos.create(pending);
        } catch (ConflictException exists) {
            Optional<Photo> current = photos.get(pending.key());
            if (current.isEmpty() || current.get().status() != PhotoStatus.PENDING
                    || !current.get().originalKey().equals(pending.originalKey())) {
                throw exists;
            }
        }
    }
}
