/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page tokens: a cursor bound to its gallery and protected by an HMAC, so a client can neither read
 * nor forge one, nor replay a token of gallery A against gallery B. Instances with the same key accept each
 * other's tokens (share the key across Lambda instances). Part of the SPI for module authors: a
 * {@link com.galerly.core.photo.PhotoRepository} implementation wraps its native cursor in a token.
 *
 * <pre>{@code
 * PageTokens tokens = new PageTokens(secret);              // at least 16 bytes
 * String next = tokens.encode(gallery, lastEvaluatedKey);  // handed to the client
 * String cursor = tokens.decode(gallery, next);            // INVALID_ARGUMENT if forged or of another gallery
 * }</pre>
 */
public final class PageTokens {
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 2048;

    private final SecretKeySpec key;

    /** Tokens protected by {@code key} (at least 16 bytes; copied). */
    public PageTokens(byte[] key) {
        Checks.notNull(key, "page token key");
        if (key.length < 16) {
            throw new IllegalArgumentException("page token key must have at least 16 bytes, had " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key that only this process knows: tokens do not survive a restart. */
    public static PageTokens random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PageTokens(key);
    }

    /** An opaque token carrying {@code cursor}, valid only for {@code gallery}. */
    public String encode(GalleryId gallery, String cursor) {
        byte[] payload = cursor.getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(gallery, payload);
        byte[] token = Arrays.copyOf(mac, MAC_BYTES + payload.length);
        System.arraycopy(payload, 0, token, MAC_BYTES, payload.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The cursor inside a token made by {@link #encode} for the same gallery; INVALID_ARGUMENT otherwise. */
    public String decode(GalleryId gallery, String token) {
        byte[] raw;
        try {
            if (token.length() > MAX_TOKEN_CHARS) {
                throw new IllegalArgumentException("too long");
            }
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid(gallery);
        }
        if (raw.length < MAC_BYTES) {
            throw invalid(gallery);
        }
        byte[] payload = Arrays.copyOfRange(raw, MAC_BYTES, raw.length);
        byte[] expected = mac(gallery, payload);
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES), Arrays.copyOf(raw, MAC_BYTES))) {
            throw invalid(gallery);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private byte[] mac(GalleryId gallery, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(gallery.value().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static GalerlyException invalid(GalleryId gallery) {
        return new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                "page token is malformed, tampered with, or belongs to another gallery than " + gallery);
    }
}
