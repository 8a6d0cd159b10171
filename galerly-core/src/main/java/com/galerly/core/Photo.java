/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A photo's record: what the gallery lists and what the pipeline updates. Immutable; change it with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * Photo pending = Photo.builder()
 *     .gallery(GalleryId.of("smith-wedding"))
 *     .id(ids.next())
 *     .status(PhotoStatus.PENDING)
 *     .originalKey("originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg")
 *     .uploadedAt(clock.instant())
 *     .build();
 * }</pre>
 *
 * @param gallery      the gallery it belongs to
 * @param id           its id, unique in the gallery
 * @param status       where it is in its life
 * @param owner        who uploaded it (an application's user id), or null
 * @param originalKey  storage key of the original
 * @param fileName     the uploader's file name, sanitised; metadata only, never part of a key; or null
 * @param contentType  the original's sniffed or declared content type, or null while unknown
 * @param size         the original's size in bytes, 0 while unknown
 * @param width        oriented pixel width of the original, 0 while unknown
 * @param height       oriented pixel height of the original, 0 while unknown
 * @param uploadedAt   when the upload was requested or first seen
 * @param processedAt  when it last turned ACTIVE or FAILED, or null
 * @param renditions   rendition name -> stored rendition, in profile order
 * @param placeholder  a BlurHash of the image, or null
 * @param errorCode    why it FAILED, or null
 * @param errorMessage a human-readable reason for FAILED, or null
 * @param version      incremented by every write; used for optimistic concurrency
 * @param sequencer    the S3 event sequencer last claimed for the original, or null
 * @param eTag         the original's ETag last claimed, or null
 * @param lease        the claim of the worker processing it, or null
 * @param expiresAt    when a PENDING record expires (storage TTL), or null
 * @param sha256       lower-case hex SHA-256 of the uploaded original (before metadata scrubbing), recorded at
 *                     promotion for duplicate detection; or null while unknown
 * @param attempts     claims of the current upload whose worker did not finish (an expired lease taken over)
 * @param profileFingerprint the fingerprint of the rendition profile (and engine) that rendered the recorded
 *                     renditions, or null while none are; a backfill re-renders a photo whose fingerprint differs
 *                     from the current profile's and leaves a matching one alone
 */
public record Photo(
        GalleryId gallery,
        PhotoId id,
        PhotoStatus status,
        String owner,
        String originalKey,
        String fileName,
        String contentType,
        long size,
        int width,
        int height,
        Instant uploadedAt,
        Instant processedAt,
        Map<String, Rendition> renditions,
        String placeholder,
        ErrorCode errorCode,
        String errorMessage,
        long version,
        String sequencer,
        String eTag,
        Lease lease,
        Instant expiresAt,
        String sha256,
        int attempts,
        String profileFingerprint) {

    public Photo {
        Checks.notNull(gallery, "gallery");
        Checks.notNull(id, "id");
        Checks.notNull(status, "status");
        Checks.notBlank(originalKey, "originalKey");
        Checks.notNull(uploadedAt, "uploadedAt");
        Checks.notNegative(size, "size");
        Checks.notNegative(width, "width");
        Checks.notNegative(height, "height");
        Checks.notNegative(version, "version");
        Checks.notNegative(attempts, "attempts");
        renditions = renditions == null ? Map.of() : copyInOrder(renditions);
        if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + Checks.quote(sha256));
        }
        if ((status == PhotoStatus.FAILED || status == PhotoStatus.REJECTED) && errorCode == null) {
            throw new IllegalArgumentException("a " + status + " photo needs an errorCode");
        }
        if (status == PhotoStatus.PROCESSING && lease == null) {
            throw new IllegalArgumentException("a PROCESSING photo needs a lease");
        }
    }

    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    /**
     * As the full constructor, with no digest, no attempts and no profile fingerprint recorded (the record before they
     * were added).
     */
    public Photo(GalleryId gallery, PhotoId id, PhotoStatus status, String owner, String originalKey, String fileName,
                 String contentType, long size, int width, int height, Instant uploadedAt, Instant processedAt,
                 Map<String, Rendition> renditions, String placeholder, ErrorCode errorCode, String errorMessage,
                 long version, String sequencer, String eTag, Lease lease, Instant expiresAt) {
        this(gallery, id, status, owner, originalKey, fileName, contentType, size, width, height, uploadedAt,
                processedAt, renditions, placeholder, errorCode, errorMessage, version, sequencer, eTag, lease,
                expiresAt, null, 0, null);
    }

    private static Map<String, Rendition> copyInOrder(Map<String, Rendition> renditions) {
        Map<String, Rendition> copy = new LinkedHashMap<>();
        renditions.forEach((name, rendition) -> {
            Checks.notNull(rendition, "rendition " + name);
            if (!rendition.name().equals(name)) {
                throw new IllegalArgumentException("rendition keyed " + name + " is named " + rendition.name());
            }
            copy.put(name, rendition);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The photo's identity in the repository. */
    public PhotoKey key() {
        return new PhotoKey(gallery, id);
    }

    /** The rendition of that name, if recorded. */
    public Optional<Rendition> rendition(String name) {
        return Optional.ofNullable(renditions.get(name));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy changed by {@code change}. */
    public Photo with(Consumer<Builder> change) {
        Builder builder = toBuilder();
        change.accept(builder);
        return builder.build();
    }

    /** Builds a {@link Photo}; {@link #build()} checks the combination. */
    public static final class Builder {
        private GalleryId gallery;
        private PhotoId id;
        private PhotoStatus status = PhotoStatus.PENDING;
        private String owner;
        private String originalKey;
        private String fileName;
        private String contentType;
        private long size;
        private int width;
        private int height;
        private Instant uploadedAt;
        private Instant processedAt;
        private Map<String, Rendition> renditions = Map.of();
        private String placeholder;
        private ErrorCode errorCode;
        private String errorMessage;
        private long version;
        private String sequencer;
        private String eTag;
        private Lease lease;
        private Instant expiresAt;
        private String sha256;
        private int attempts;
        private String profileFingerprint;

        private Builder() {
        }

        private Builder(Photo p) {
            gallery = p.gallery;
            id = p.id;
            status = p.status;
            owner = p.owner;
            originalKey = p.originalKey;
            fileName = p.fileName;
            contentType = p.contentType;
            size = p.size;
            width = p.width;
            height = p.height;
            uploadedAt = p.uploadedAt;
            processedAt = p.processedAt;
            renditions = p.renditions;
            placeholder = p.placeholder;
            errorCode = p.errorCode;
            errorMessage = p.errorMessage;
            version = p.version;
            sequencer = p.sequencer;
            eTag = p.eTag;
            lease = p.lease;
            expiresAt = p.expiresAt;
            sha256 = p.sha256;
            attempts = p.attempts;
            profileFingerprint = p.profileFingerprint;
        }

        public Builder gallery(GalleryId gallery) {
            this.gallery = Checks.notNull(gallery, "gallery");
            return this;
        }

        public Builder id(PhotoId id) {
            this.id = Checks.notNull(id, "id");
            return this;
        }

        public Builder status(PhotoStatus status) {
            this.status = Checks.notNull(status, "status");
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder originalKey(String originalKey) {
            this.originalKey = Checks.notBlank(originalKey, "originalKey");
            return this;
        }

        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder size(long size) {
            this.size = Checks.notNegative(size, "size");
            return this;
        }

        public Builder dimensions(int width, int height) {
            this.width = (int) Checks.notNegative(width, "width");
            this.height = (int) Checks.notNegative(height, "height");
            return this;
        }

        public Builder uploadedAt(Instant uploadedAt) {
            this.uploadedAt = Checks.notNull(uploadedAt, "uploadedAt");
            return this;
        }

        public Builder processedAt(Instant processedAt) {
            this.processedAt = processedAt;
            return this;
        }

        public Builder renditions(Map<String, Rendition> renditions) {
            this.renditions = Checks.notNull(renditions, "renditions");
            return this;
        }

        /** Sets the renditions from a list, keyed by their names in list order. */
        public Builder renditions(Iterable<Rendition> renditions) {
            Map<String, Rendition> byName = new LinkedHashMap<>();
            for (Rendition r : renditions) {
                if (byName.put(r.name(), r) != null) {
                    throw new IllegalArgumentException("duplicate rendition name " + r.name());
                }
            }
            this.renditions = byName;
            return this;
        }

        public Builder placeholder(String placeholder) {
            this.placeholder = placeholder;
            return this;
        }

        public Builder error(ErrorCode code, String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        public Builder version(long version) {
            this.version = Checks.notNegative(version, "version");
            return this;
        }

        public Builder sequencer(String sequencer) {
            this.sequencer = sequencer;
            return this;
        }

        public Builder eTag(String eTag) {
            this.eTag = eTag;
            return this;
        }

        public Builder lease(Lease lease) {
            this.lease = lease;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Lower-case hex SHA-256 of the uploaded original, or null. */
        public Builder sha256(String sha256) {
            this.sha256 = sha256;
            return this;
        }

        /**
         * How many times the current upload was claimed without its worker finishing (a crash or a timeout lets
         * the lease expire); a claim past {@code ClaimRequest.maxAttempts} marks the photo FAILED instead.
         */
        public Builder attempts(int attempts) {
            this.attempts = (int) Checks.notNegative(attempts, "attempts");
            return this;
        }

        /** The fingerprint of the profile that rendered the recorded renditions, or null. */
        public Builder profileFingerprint(String profileFingerprint) {
            this.profileFingerprint = profileFingerprint;
            return this;
        }

        public Photo build() {
            return new Photo(gallery, id, status, owner, originalKey, fileName, contentType, size, width, height,
                    uploadedAt, processedAt, renditions, placeholder, errorCode, errorMessage, version, sequencer,
                    eTag, lease, expiresAt, sha256, attempts, profileFingerprint);
        }
    }
}
