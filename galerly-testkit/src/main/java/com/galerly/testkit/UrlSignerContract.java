/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.UrlSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UrlSigner} must do. An implementation's test extends this class, supplies the signer and a
 * way to check what it signed (the party that serves the URLs: CloudFront, or the test kit's
 * {@link com.galerly.testkit.cdn.CloudFrontEmulator}):
 *
 * <pre>{@code
 * class CloudFrontSignerContractTest extends UrlSignerContract {
 *     static final CloudFrontEmulator CLOUDFRONT = new CloudFrontEmulator(Map.of("K1", keys.getPublic()));
 *     protected UrlSigner signer(TestClock clock) {
 *         return CloudFrontSigner.builder().keyPair("K1", SigningKey.of(keys.getPrivate())).clock(clock).build();
 *     }
 *     protected boolean accepts(UrlSigner signer, String signedUrl, Instant at) {
 *         return CLOUDFRONT.checkUrl(signedUrl, at, "192.0.2.1").allowed();
 *     }
 * }
 * }</pre>
 */
public abstract class UrlSignerContract {
    /** A rendition URL under {@link #SCOPE}. */
    protected static final String URL =
            "https://cdn.example.com/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.jpg";
    /** The gallery's renditions prefix. */
    protected static final String SCOPE = "https://cdn.example.com/renditions/smith-wedding/*";

    private final TestClock clock = TestClock.standard();

    /** The signer under test, reading time from {@code clock}. */
    protected abstract UrlSigner signer(TestClock clock);

    /** Whether the server of the URLs would serve {@code signedUrl} at {@code at}. */
    protected abstract boolean accepts(UrlSigner signer, String signedUrl, Instant at);

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }

    @Test
    void appendsTheSignatureAfterTheUrlAndItsQuery() {
        UrlSigner signer = signer(clock);
        String plain = signer.sign(URL, inAnHour());
        assertTrue(plain.startsWith(URL + "?") && plain.length() > URL.length() + 1, plain);
        String versioned = signer.sign(URL + "?v=4", inAnHour());
        assertTrue(versioned.startsWith(URL + "?v=4&") && versioned.length() > URL.length() + 5, versioned);
    }

    @Test
    void aSignedUrlIsServedUntilItExpiresAndNotAfter() {
        UrlSigner signer = signer(clock);
        Instant expiry = inAnHour();
        String signed = signer.sign(URL, expiry);
        assertTrue(accepts(signer, signed, clock.instant()), "served now: " + signed);
        assertTrue(accepts(signer, signed, expiry.minusSeconds(1)), "served a second before it expires");
        assertFalse(accepts(signer, signed, expiry.plusSeconds(1)), "refused after it expires");
    }

    @Test
    void aSignatureDoesNotServeAnotherUrl() {
        UrlSigner signer = signer(clock);
        String signed = signer.sign(URL, inAnHour());
        String other = signed.replace("_small.jpg", "_large.jpg");
        assertFalse(accepts(signer, other, clock.instant()), "another path with the same signature: " + other);
        assertFalse(accepts(signer, URL, clock.instant()), "the unsigned URL");
    }

    @Test
    void signAllSignsEveryUrlInOrderAndEachIsServed() {
        UrlSigner signer = signer(clock);
        String prefix = SCOPE.substring(0, SCOPE.length() - 1);
        List<String> urls = List.of(URL, prefix + "01jd6v2k8m3q9x7c5t4r2n0bzb_large.jpg?v=2", prefix + "x_thumb.webp");
        List<String> signed = signer.signAll(SCOPE, urls, inAnHour());
        assertEquals(urls.size(), signed.size());
        for (int i = 0; i < urls.size(); i++) {
            assertTrue(signed.get(i).startsWith(urls.get(i)), signed.get(i) + " signs " + urls.get(i));
            assertTrue(accepts(signer, signed.get(i), clock.instant()), "served: " + signed.get(i));
        }
        assertEquals(List.of(), signer.signAll(SCOPE, List.of(), inAnHour()));
    }

    @Test
    void signAllRefusesAUrlOutsideItsScopeAndAScopeWithoutAWildcard() {
        UrlSigner signer = signer(clock);
        GalerlyException outside = assertThrows(GalerlyException.class, () -> signer.signAll(SCOPE,
                List.of(URL, "https://cdn.example.com/renditions/other-gallery/p_small.jpg"), inAnHour()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, outside.code());
        assertTrue(outside.getMessage().contains("other-gallery"), outside.getMessage());
        GalerlyException noWildcard = assertThrows(GalerlyException.class,
                () -> signer.signAll(SCOPE.substring(0, SCOPE.length() - 1), List.of(URL), inAnHour()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noWildcard.code());
    }
}
