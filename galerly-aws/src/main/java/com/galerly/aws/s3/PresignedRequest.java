/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request signed in its URL (SigV4 query authentication): send {@code method} to {@code url} with exactly
 * {@code headers} before {@code expiresAt}. Headers that HTTP clients set themselves ({@code Content-Length})
 * are listed too, because they are signed: the body must have exactly that length.
 *
 * <pre>{@code
 * PresignedRequest put = signer.presignPut(key, ObjectHeaders.of("image/jpeg"), Duration.ofMinutes(15));
 * HttpRequest.Builder http = HttpRequest.newBuilder(put.url()).PUT(BodyPublishers.ofFile(photo));
 * put.headers().forEach((name, value) -> { if (!name.equalsIgnoreCase("Content-Length")) http.header(name, value); });
 * }</pre>
 *
 * @param method    the HTTP method
 * @param url       the presigned URL
 * @param headers   the signed headers the client must send, in a stable order
 * @param expiresAt when the signature stops being accepted
 * @param expiryCapped true when {@code expiresAt} is earlier than asked because the signing credentials (a
 *                  role's, SSO's or the Lambda execution role's session) expire then: a presigned URL never
 *                  outlives the credentials that signed it
 */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt,
                               boolean expiryCapped) {
    /** A request whose expiry is as asked. */
    public PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
        this(method, url, headers, expiresAt, false);
    }

    public PresignedRequest {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(url, "url must not be null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
