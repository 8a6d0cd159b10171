/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import com.galerly.core.GalerlyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs delivery URLs so that only holders of the signed URL can fetch a private photo until it expires.
 * CloudFront signing lives in {@code galerly-cdn}; {@code galerly-testkit} has a fake that can verify what it
 * signed.
 *
 * <pre>{@code
 * String url = signer.sign("https://cdn.example.com/renditions/g/p_small.jpg", clock.instant().plusSeconds(3600));
 * }</pre>
 */
public interface UrlSigner {
    /** The URL with its signature parameters appended (after any query string it already has). */
    String sign(String url, Instant expiresAt);

    /**
     * Signs many URLs that expire together and all lie under {@code scope}, a URL ending in {@code *} (for
     * example the URL of a gallery's renditions prefix). An implementation may sign the scope once and share the
     * signature among the URLs (CloudFront: one wildcard custom policy, so a page of 10,000 photos costs one
     * signature); the holder of any returned URL can then fetch anything under the scope until it expires.
     * The default signs each URL on its own.
     *
     * @throws com.galerly.core.GalerlyException {@code INVALID_ARGUMENT} if a URL is not under the scope
     */
    default List<String> signAll(String scope, List<String> urls, Instant expiresAt) {
        if (scope == null || !scope.endsWith("*")) {
            throw GalerlyException.invalid("scope must be a URL ending in '*', was " + scope);
        }
        String prefix = scope.substring(0, scope.length() - 1);
        List<String> signed = new ArrayList<>(urls.size());
        for (String url : urls) {
            if (!url.startsWith(prefix)) {
                throw GalerlyException.invalid("URL " + url + " is not under the scope " + scope);
            }
            signed.add(sign(url, expiresAt));
        }
        return signed;
    }
}
