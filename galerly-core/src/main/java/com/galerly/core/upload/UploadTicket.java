/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.PhotoKey;
import com.galerly.core.spi.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A presigned request the client sends as is: method, URL and every header listed.
 *
 * @param photo     the photo the upload becomes
 * @param key       the storage key of the original
 * @param method    the HTTP method ({@code PUT})
 * @param url       the presigned URL
 * @param headers   headers the client must send, exactly
 * @param expiresAt when the URL stops working
 */
public record UploadTicket(PhotoKey photo, String key, String method, URI url, Map<String, String> headers,
                           Instant expiresAt) {
    public UploadTicket {
        Checks.notNull(photo, "photo");
        Checks.notBlank(key, "key");
        Checks.notBlank(method, "method");
        Checks.notNull(url, "url");
        headers = Map.copyOf(Checks.notNull(headers, "headers"));
        Checks.notNull(expiresAt, "expiresAt");
    }
}
