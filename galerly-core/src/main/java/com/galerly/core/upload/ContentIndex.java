/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.PhotoKey;

/**
 * Which photo of a gallery holds which content (the SHA-256 of its uploaded original), written with conditional
 * writes so two concurrent uploads of the same bytes cannot both become the holder. DynamoDB in production
 * ({@code DynamoDbContentIndex}, same table as the photos), an in-memory fake in {@code galerly-testkit}.
 *
 * <pre>{@code
 * PhotoKey holder = index.putIfAbsent(sha256Hex, photo);   // photo itself, or the photo that already holds it
 * }</pre>
 */
public interface ContentIndex {
    /**
     * Makes {@code photo} the holder of {@code sha256} in its gallery unless there is one.
     *
     * @return the holder after the call: {@code photo} when it was recorded now (or already), else the other photo
     */
    PhotoKey putIfAbsent(String sha256, PhotoKey photo);

    /**
     * Makes {@code photo} the holder only if {@code expected} still is (the expected holder was deleted or
     * rejected).
     *
     * @return the holder after the call
     */
    PhotoKey replace(String sha256, PhotoKey expected, PhotoKey photo);

    /** Forgets the entry if {@code photo} holds it (the photo was deleted). */
    void remove(String sha256, PhotoKey photo);
}
