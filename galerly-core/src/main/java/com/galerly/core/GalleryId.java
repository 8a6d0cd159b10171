/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;
import java.util.regex.Pattern;

/**
 * Identifies a gallery. It becomes part of S3 keys and DynamoDB keys, so only 1 to 64 URL-safe characters
 * ({@code A-Z a-z 0-9 _ -}) are accepted; anything else is refused rather than escaped.
 *
 * <pre>{@code
 * GalleryId wedding = GalleryId.of("smith-wedding-2026");
 * }</pre>
 *
 * @param value the id as it appears in keys
 */
public record GalleryId(String value) implements Comparable<GalleryId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public GalleryId {
        Checks.notNull(value, "gallery id");
        if (!VALID.matcher(value).matches()) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "gallery id must be 1..64 characters of A-Z a-z 0-9 _ -, was " + Checks.quote(value));
        }
    }

    public static GalleryId of(String value) {
        return new GalleryId(value);
    }

    @Override
    public int compareTo(GalleryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
