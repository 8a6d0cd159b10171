/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.GalleryId;
import com.galerly.core.internal.Checks;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A client's wish to upload one original. The file name is kept as metadata only; the key is generated.
 *
 * {@snippet :
 * UploadRequest request = UploadRequest.builder()
 *     .gallery(GalleryId.of("smith-wedding"))
 *     .contentType("image/jpeg")
 *     .fileName("DSC_0042.JPG")
 *     .contentLength(8_421_337)
 *     .build();
 * }
 */
public final class UploadRequest {
    private final GalleryId gallery;
    private final String contentType;
    private final String fileName;
    private final long contentLength;
    private final String checksumSha256;
    private final String owner;

    private UploadRequest(Builder b) {
        this.gallery = b.gallery;
        this.contentType = b.contentType;
        this.fileName = b.fileName;
        this.contentLength = b.contentLength;
        this.checksumSha256 = b.checksumSha256;
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
        return Optional.ofNullable(checksumSha256);
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
        private String checksumSha256;
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
            this.checksumSha256 = Checks.notBlank(base64, "checksumSha256");
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
}
