/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.storage;

import com.galerly.core.spi.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * What a HEAD of a stored object returns.
 *
 * @param key          the object key
 * @param size         bytes
 * @param contentType  the stored content type, or null
 * @param eTag         the entity tag, without quotes
 * @param versionId    the version id where the store versions objects, or null
 * @param lastModified when it was written
 * @param cacheControl the stored Cache-Control, or null
 * @param userMetadata user metadata (x-amz-meta-*), names in lower case
 */
public record BlobMetadata(String key, long size, String contentType, String eTag, String versionId,
                           Instant lastModified, String cacheControl, Map<String, String> userMetadata) {
    public BlobMetadata {
        Checks.notBlank(key, "key");
        Checks.notNegative(size, "size");
        Checks.notBlank(eTag, "eTag");
        Checks.notNull(lastModified, "lastModified");
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }
}
