/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

/**
 * Where a stored object is served from: the CDN URL of a storage key ({@code galerly-cdn}'s {@code CdnUrls}
 * implements it for CloudFront). The URL is unsigned; a {@link UrlSigner} signs it for private galleries.
 *
 * <pre>{@code
 * DeliveryUrls urls = key -> "https://cdn.example.com/" + key;
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryUrls {
    /** The public (unsigned) URL of {@code key}, percent-encoded. */
    String url(String key);
}
