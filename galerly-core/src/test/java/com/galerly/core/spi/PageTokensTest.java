/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.property.Cases;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private final PageTokens tokens = new PageTokens("0123456789abcdef".getBytes());
    private final GalleryId a = GalleryId.of("a");
    private final GalleryId b = GalleryId.of("b");

    @Test
    void roundTripsAnyCursorForItsGalleryOnly() {
        Cases.check(300, g -> g.string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#é写", 0, 255),
                cursor -> {
                    String token = tokens.encode(a, cursor);
                    assertEquals(cursor, tokens.decode(a, token));
                    assertEquals(ErrorCode.INVALID_ARGUMENT,
                            assertThrows(GalerlyException.class, () -> tokens.decode(b, token)).code());
                });
    }

    @Test
    void refusesTamperedForgedAndOversizedTokens() {
        String token = tokens.encode(a, "01jd6v2k8m3q9x7c5t4r2n0bza");
        assertFalse(token.contains("01jd6v2k8m3q9x7c5t4r2n0bza"), "opaque");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        PageTokens otherKey = new PageTokens("fedcba9876543210".getBytes());
        for (String bad : new String[] {tampered, otherKey.encode(a, "x"), "", "!!", "x".repeat(5000)}) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> tokens.decode(a, bad));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    @Test
    void refusesShortKeys() {
        assertThrows(IllegalArgumentException.class, () -> new PageTokens(new byte[8]));
    }
}
