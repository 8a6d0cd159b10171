/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

/**
 * The stable reason of a {@link GalerlyException}. Codes are part of the public contract: they appear in
 * manifests, CLI output, DynamoDB records and metrics, and are never renamed.
 *
 * <p>Each code says whether retrying the same operation can succeed ({@link #retryable()}); a pipeline
 * records non-retryable failures and lets retryable ones propagate to the caller's retry.
 */
public enum ErrorCode {
    /** The content is not an image format any installed decoder reads (whatever its name or content type). */
    UNSUPPORTED_FORMAT(false),
    /** The content claims a supported format but is truncated or malformed. */
    CORRUPT_IMAGE(false),
    /** The input exceeds a configured limit (bytes, pixels, page size, key length...). */
    LIMIT_EXCEEDED(false),
    /** Storage or network I/O failed; usually transient. */
    IO_ERROR(true),
    /** A remote service asked to slow down. */
    THROTTLED(true),
    /** The object or record does not exist. */
    NOT_FOUND(false),
    /** A conditional write lost: the record changed, is held by another worker, or already exists. */
    CONFLICT(false),
    /** A caller passed a value the API refuses (hostile key, malformed token, wrong gallery...). */
    INVALID_ARGUMENT(false),
    /** A signature, URL or token is expired or does not verify. */
    UNAUTHORIZED(false),
    /** Galerly is wired wrongly: no implementation found for a port, a plugin is unusable, a setting is missing. */
    CONFIGURATION(false),
    /** A bug or an unexpected failure inside Galerly or a plugin. */
    INTERNAL(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether an operation failing with this code may succeed when retried unchanged. */
    public boolean retryable() {
        return retryable;
    }
}
