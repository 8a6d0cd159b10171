/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.GalleryId;
import com.galerly.core.spi.Checks;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A client's wish to upload one original. The file name is kept as metadata only; the key is generated.
 *
 * <pre>{@code
 * UploadRequest request = UploadRequest.builder()
 *     .gallery(GalleryId.of("smith-wedding"))
 *     .contentType("image/jpeg")
 *     .fileName("DSC_0042.JPG")
 *     .contentLength(8_421_337)
 *     .build();
 * }</pre>
 */
public final class UploadRequest {
    private final GalleryId gallery;
    private final String contentType;
    private final String fileName;
    private final long contentLength;
    private final Checksum checksum;
    private final String owner;

    private UploadRequest(Builder b) {
        this.gallery = b.gallery;
        this.contentType = b.contentType;
        this.fileName = b.fileName;
        this.contentLength = b.contentLength;
        this.checksum = b.checksum;
        this.owner = b.owner;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static UploadRequest of(Consumer<Builder> settings) {
        Builder b = builder();
        settings.accept(b);
        return b.build();
    }

    public GalleryId gallery() {
        return gallery;
    }

    public String contentType() {
        return contentType;
    }

    /** The uploader's file name (untrusted, unsanitised), if given. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** The declared size, or -1 when the client did not declare one. */
    public long contentLength() {
        return contentLength;
    }

    /** Base64 SHA-256 of the body the client will send, if declared. */
    public Optional<String> checksumSha256() {
        return checksum().filter(c -> c.algorithm() == ChecksumAlgorithm.SHA256).map(Checksum::base64);
    }

    /** The checksum of the body the client will send (SHA-256 or a CRC), if declared. */
    public Optional<Checksum> checksum() {
        return Optional.ofNullable(checksum);
    }

    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    @Override
    public String toString() {
        return "UploadRequest[" + gallery + ", " + contentType + (contentLength >= 0 ? ", " + contentLength + " bytes" : "")
                + "]";
    }

    /** Builds an {@link UploadRequest}; gallery and content type are required. */
    public static final class Builder {
        private GalleryId gallery;
        private String contentType;
        private String fileName;
        private long contentLength = -1;
        private Checksum checksum;
        private String owner;

        private Builder() {
        }

        public Builder gallery(GalleryId gallery) {
            this.gallery = Checks.notNull(gallery, "gallery");
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = Checks.notBlank(contentType, "contentType");
            return this;
        }

        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        public Builder contentLength(long contentLength) {
            this.contentLength = Checks.positive(contentLength, "contentLength");
            return this;
        }

        public Builder checksumSha256(String base64) {
            return checksum(ChecksumAlgorithm.SHA256, base64);
        }

        /** The checksum the client declares for the body; the storage refuses any other body. */
        public Builder checksum(ChecksumAlgorithm algorithm, String base64) {
            this.checksum = new Checksum(algorithm, base64);
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public UploadRequest build() {
            if (gallery == null || contentType == null) {
                throw new IllegalStateException("gallery and contentType are required");
            }
            return new UploadRequest(this);
        }
    }

    /** Checksum algorithms a client may declare for an upload (the ones S3 verifies). */
    public enum ChecksumAlgorithm {
        SHA256(32), SHA1(20), CRC32(4), CRC32C(4), CRC64NVME(8);

        private final int bytes;

        ChecksumAlgorithm(int bytes) {
            this.bytes = bytes;
        }

        /** Length of the digest in bytes. */
        public int bytes() {
            return bytes;
        }

        /** The lower-case name S3 uses in {@code x-amz-checksum-<id>}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A declared checksum: the algorithm and the base64 of the digest, whose length is checked.
     *
     * @param algorithm the algorithm
     * @param base64    the digest, base64 (standard alphabet, padded)
     */
    public record Checksum(ChecksumAlgorithm algorithm, String base64) {
        public Checksum {
            Checks.notNull(algorithm, "checksum algorithm");
            Checks.notBlank(base64, "checksum");
            byte[] digest;
            try {
                digest = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checksum must be base64, was " + Checks.quote(base64), e);
            }
            if (digest.length != algorithm.bytes()) {
                throw new IllegalArgumentException("a " + algorithm + " checksum is " + algorithm.bytes()
                        + " bytes, was " + digest.length + " (" + Checks.quote(base64) + ")");
            }
        }
    }
}
