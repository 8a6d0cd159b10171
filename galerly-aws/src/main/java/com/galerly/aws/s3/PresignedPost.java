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
 * A signed browser upload form: POST {@code multipart/form-data} to {@code url} with every field, in order,
 * then the file as the last field, named {@code file}.
 *
 * <pre>{@code
 * PresignedPost form = signer.presignPost(policy, Duration.ofMinutes(10));
 * // <form action="${form.url()}" method="post" enctype="multipart/form-data">
 * //   one <input type="hidden" name="..." value="..."> per field, then <input type="file" name="file">
 * }</pre>
 *
 * @param url       the form's action: the bucket's URL
 * @param fields    the form fields, ending with {@code policy} and {@code x-amz-signature}
 * @param expiresAt when the policy expires
 * @param expiryCapped true when {@code expiresAt} is earlier than asked because the signing credentials expire
 *                  then
 */
public record PresignedPost(URI url, Map<String, String> fields, Instant expiresAt, boolean expiryCapped) {
    /** A form whose expiry is as asked. */
    public PresignedPost(URI url, Map<String, String> fields, Instant expiresAt) {
        this(url, fields, expiresAt, false);
    }

    public PresignedPost {
        Objects.requireNonNull(url, "url must not be null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
