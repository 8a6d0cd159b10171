/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import java.time.Instant;

/**
 * Signs delivery URLs so that only holders of the signed URL can fetch a private photo until it expires.
 * CloudFront signing lives in {@code galerly-cdn}; {@code galerly-testkit} has a fake that can verify what it
 * signed.
 *
 * {@snippet :
 * String url = signer.sign("https://cdn.example.com/renditions/g/p_small.jpg", clock.instant().plusSeconds(3600));
 * }
 */
public interface UrlSigner {
    /** The URL with its signature parameters appended (after any query string it already has). */
    String sign(String url, Instant expiresAt);
}
