/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import java.util.Objects;

/**
 * One uploaded part of a multipart upload: its number and the {@code ETag} S3 answered the part's PUT with.
 *
 * <pre>{@code
 * CompletedPart first = new CompletedPart(1, response.headers().firstValue("ETag").orElseThrow());
 * }</pre>
 *
 * @param partNumber the part's number, 1-based
 * @param eTag       the part's entity tag (quotes allowed)
 */
public record CompletedPart(int partNumber, String eTag) {
    public CompletedPart {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("partNumber must be 1..10000, was " + partNumber);
        }
        Objects.requireNonNull(eTag, "eTag must not be null");
        if (eTag.isBlank()) {
            throw new IllegalArgumentException("eTag of part " + partNumber + " must not be blank");
        }
    }
}
