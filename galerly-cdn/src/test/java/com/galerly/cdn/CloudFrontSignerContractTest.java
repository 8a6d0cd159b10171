/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.core.delivery.UrlSigner;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.UrlSignerContract;
import com.galerly.testkit.cdn.CloudFrontEmulator;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** CloudFront's signer against the test kit's UrlSigner contract, checked as CloudFront checks (RSA and ECDSA). */
class CloudFrontSignerContractTest {
    private static final CloudFrontEmulator CLOUDFRONT = new CloudFrontEmulator(Map.of(
            "RSA", TestKeys.RSA_2048.getPublic(), "EC", TestKeys.EC_P256.getPublic()));

    private static boolean served(String signedUrl, Instant at) {
        return CLOUDFRONT.checkUrl(signedUrl, at, "192.0.2.1").allowed();
    }

    @Nested
    class Rsa extends UrlSignerContract {
        @Override
        protected UrlSigner signer(TestClock clock) {
            return CloudFrontSigner.builder().keyPair("RSA", SigningKey.of(TestKeys.RSA_2048.getPrivate())).clock(clock)
                    .build();
        }

        @Override
        protected boolean accepts(UrlSigner signer, String signedUrl, Instant at) {
            return served(signedUrl, at);
        }
    }

    @Nested
    class Ecdsa extends UrlSignerContract {
        @Override
        protected UrlSigner signer(TestClock clock) {
            return CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate())).clock(clock)
                    .build();
        }

        @Override
        protected boolean accepts(UrlSigner signer, String signedUrl, Instant at) {
            return served(signedUrl, at);
        }
    }
}
