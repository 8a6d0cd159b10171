/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.storage;

import com.galerly.core.spi.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an object is written.
 *
 * <pre>{@code
 * PutOptions rendition = PutOptions.immutable("image/jpeg");   // Cache-Control: public, max-age=31536000, immutable
 * PutOptions original = PutOptions.builder().contentType("image/heic").metadata("filename", "IMG_0001.HEIC").build();
 * }</pre>
 *
 * @param contentType  required content type
 * @param cacheControl Cache-Control to store, or null
 * @param metadata     user metadata (names lower case, ASCII)
 */
public record PutOptions(String contentType, String cacheControl, Map<String, String> metadata) {
    /** What renditions are stored with: their keys never change content, so caches keep them a year. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    public PutOptions {
        Checks.notBlank(contentType, "contentType");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static PutOptions of(String contentType) {
        return new PutOptions(contentType, null, Map.of());
    }

    /** For renditions: cached for a year, immutable. */
    public static PutOptions immutable(String contentType) {
        return new PutOptions(contentType, IMMUTABLE, Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PutOptions}. */
    public static final class Builder {
        private String contentType;
        private String cacheControl;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder contentType(String contentType) {
            this.contentType = Checks.notBlank(contentType, "contentType");
            return this;
        }

        public Builder cacheControl(String cacheControl) {
            this.cacheControl = cacheControl;
            return this;
        }

        public Builder metadata(String name, String value) {
            Checks.notBlank(name, "metadata name");
            Checks.notNull(value, "metadata value");
            metadata.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }

        public PutOptions build() {
            return new PutOptions(contentType, cacheControl, metadata);
        }
    }
}
