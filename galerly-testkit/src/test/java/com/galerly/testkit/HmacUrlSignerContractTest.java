/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.delivery.UrlSigner;
import java.time.Instant;

/** The test kit's fake signer passes the contract the real CloudFront signer passes. */
class HmacUrlSignerContractTest extends UrlSignerContract {
    private TestClock clock;

    @Override
    protected UrlSigner signer(TestClock clock) {
        this.clock = clock;
        return new HmacUrlSigner(clock);
    }

    @Override
    protected boolean accepts(UrlSigner signer, String signedUrl, Instant at) {
        Instant now = clock.instant();
        clock.set(at);
        try {
            return ((HmacUrlSigner) signer).verify(signedUrl);
        } finally {
            clock.set(now);
        }
    }
}
