/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;

/**
 * Fuzz target for the page-token codec: a token from a client is untrusted text. Decoding may only refuse with
 * {@code INVALID_ARGUMENT}; a token it accepts must be one it encoded for that gallery (nothing is forged).
 */
class PageTokensFuzzTest {
    private static final PageTokens TOKENS = new PageTokens("0123456789abcdef0123456789abcdef".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII));
    private static final GalleryId GALLERY = GalleryId.of("fuzz-gallery");

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        try {
            String cursor = TOKENS.decode(GALLERY, token);
            if (!TOKENS.encode(GALLERY, cursor).equals(token)) {
                // an accepted token that is not the canonical encoding would mean a second spelling got through
                throw new AssertionError("accepted a token it did not write: " + token);
            }
        } catch (GalerlyException e) {
            if (e.code() != ErrorCode.INVALID_ARGUMENT) {
                throw e;
            }
        }
    }
}
