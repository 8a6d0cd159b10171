/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.MultipartTicket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the multipart tickets a service issues (HMAC-SHA256 over what refreshParts re-signs), so a
 * client cannot hand back a forged plan (another key, a 50 TB length) to get part URLs for it.
 */
public final class MultipartTickets {
    private final SecretKeySpec key;

    public MultipartTickets(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public MultipartTicket sign(MultipartTicket ticket) {
        return new MultipartTicket(ticket.photo(), ticket.key(), ticket.uploadId(), ticket.contentLength(),
                ticket.partSize(), ticket.parts(), ticket.expiresAt(), mac(ticket));
    }

    public boolean verify(MultipartTicket ticket) {
        return ticket.authenticator() != null && MessageDigest.isEqual(
                mac(ticket).getBytes(StandardCharsets.US_ASCII),
                ticket.authenticator().getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(MultipartTicket t) {
        String message = String.join("\n", "galerly-multipart-v1", t.photo().gallery().value(), t.photo().id().value(),
                t.key(), t.uploadId(), Long.toString(t.contentLength()), Long.toString(t.partSize()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
