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
    INTERNAL(false),
    /**
     * An upload's declared content type differs from the format its bytes are in (a PNG sent as
     * {@code image/jpeg}); refused so the stored metadata never lies.
     */
    CONTENT_MISMATCH(false),
    /**
     * An upload is or carries active content a browser could run: SVG, HTML, XML or script, alone or hidden in an
     * image (a polyglot). Refused, never rendered or served.
     */
    ACTIVE_CONTENT(false),
    /** The content scanner found malware in an upload; the message carries the scanner's verdict. */
    INFECTED(false),
    /**
     * The content scanner could not give a verdict (down, timed out, refused the stream); the upload is neither
     * clean nor infected yet. Retry later: it is never treated as clean.
     */
    SCANNER_UNAVAILABLE(true),
    /** The upload has the same bytes (SHA-256) as a photo already in the gallery and the policy refuses duplicates. */
    DUPLICATE(false),
    /**
     * An upload (or an original) has no PENDING record to claim: it was not requested through an upload service or
     * gallery service that records uploads, its record expired, or its photo was deleted (a replayed presigned URL
     * or a late event). Refused and nothing promoted; an upload in quarantine is deleted. Adopting originals with no
     * record is an explicit opt-in for backfills ({@code RenditionPipeline.Builder.adoptUnknownOriginals}).
     */
    UNKNOWN_UPLOAD(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether an operation failing with this code may succeed when retried unchanged. */
    public boolean retryable() {
        return retryable;
    }
}
