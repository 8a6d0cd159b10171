/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;
import java.util.List;

/**
 * What a worker records when a photo turns ACTIVE.
 *
 * @param contentType the original's sniffed content type
 * @param width       oriented width of the original
 * @param height      oriented height of the original
 * @param renditions  every rendition written, in profile order
 * @param placeholder a BlurHash, or null
 * @param sha256      lower-case hex SHA-256 of the uploaded original when the trust path computed it, or null
 *                    (the record then keeps the one it has)
 * @param profileFingerprint the fingerprint of the profile that rendered them ({@code Fingerprints.profile}), or null
 */
public record Completion(String contentType, int width, int height, List<Rendition> renditions, String placeholder,
                         String sha256, String profileFingerprint) {
    /** A completion without a digest (the record keeps the one it has) or a profile fingerprint. */
    public Completion(String contentType, int width, int height, List<Rendition> renditions, String placeholder) {
        this(contentType, width, height, renditions, placeholder, null, null);
    }

    /** A completion without a profile fingerprint. */
    public Completion(String contentType, int width, int height, List<Rendition> renditions, String placeholder,
                      String sha256) {
        this(contentType, width, height, renditions, placeholder, sha256, null);
    }

    public Completion {
        Checks.notBlank(contentType, "contentType");
        Checks.positive(width, "width");
        Checks.positive(height, "height");
        renditions = List.copyOf(Checks.notNull(renditions, "renditions"));
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("an ACTIVE photo needs at least one rendition");
        }
    }
}
