/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.delivery.UrlSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link UrlSigner} for tests that can check what it signed: it appends {@code Expires}, {@code Signature}
 * and {@code Key-Pair-Id} like CloudFront's canned policy, with an HMAC instead of RSA.
 *
 * <pre>{@code
 * HmacUrlSigner signer = new HmacUrlSigner(clock);
 * String url = signer.sign("https://cdn.test/renditions/g/p_small.jpg", clock.instant().plusSeconds(60));
 * assertTrue(signer.verify(url));
 * clock.advance(Duration.ofMinutes(2));
 * assertFalse(signer.verify(url));        // expired
 * }</pre>
 */
public final class HmacUrlSigner implements UrlSigner {
    /** The Key-Pair-Id the fake puts in every URL. */
    public static final String KEY_PAIR_ID = "TESTKIT";

    private final Clock clock;
    private final Hmac hmac = new Hmac("galerly-testkit-url-signer");

    public HmacUrlSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String sign(String url, Instant expiresAt) {
        Objects.requireNonNull(url, "url");
        long expires = expiresAt.getEpochSecond();
        if (!expiresAt.isAfter(clock.instant())) {
            throw com.galerly.core.GalerlyException.invalid("expiry " + expiresAt + " is not in the future");
        }
        String signature = hmac.sign(url + "\n" + expires);
        return url + (url.contains("?") ? "&" : "?") + "Expires=" + expires + "&Signature=" + signature
                + "&Key-Pair-Id=" + KEY_PAIR_ID;
    }

    /** Whether the URL carries a valid, unexpired signature made by this signer. */
    public boolean verify(String signedUrl) {
        int at = signedUrl.lastIndexOf("Expires=");
        if (at < 1) {
            return false;
        }
        String url = signedUrl.substring(0, at - 1);
        Map<String, String> params = QueryString.parse(URI.create(signedUrl).getRawQuery());
        try {
            long expires = Long.parseLong(params.getOrDefault("Expires", "x"));
            return KEY_PAIR_ID.equals(params.get("Key-Pair-Id"))
                    && hmac.verify(url + "\n" + expires, params.get("Signature"))
                    && clock.instant().getEpochSecond() < expires;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
