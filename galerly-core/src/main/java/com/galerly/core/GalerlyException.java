/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import java.util.Objects;

/**
 * The root of the exceptions Galerly's public API throws for failures a caller can act on. It is unchecked
 * and carries a stable {@link ErrorCode}; the message names the input and, where one applies, the limit.
 * Subclasses ({@link UnsupportedFormatException}, {@link CorruptImageException}, {@link LimitExceededException},
 * {@link NotFoundException}, {@link ConflictException}) let callers catch by type; {@link #code()} is the
 * stable value to store or compare.
 *
 * <pre>{@code
 * try {
 *     processor.process(ImageSource.of(path), RenditionProfile.standard());
 * } catch (GalerlyException e) {
 *     if (e.code() == ErrorCode.CORRUPT_IMAGE) { ... }   // permanent: record and move on
 *     if (e.retryable()) { throw e; }                    // transient: let the caller retry
 * }
 * }</pre>
 */
public class GalerlyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final boolean retryable;

    public GalerlyException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GalerlyException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, Objects.requireNonNull(code, "code").retryable());
    }

    /** For failures whose retryability differs from the code's default (a 5xx read is IO_ERROR and retryable; a 404 read of a local file is not). */
    public GalerlyException(ErrorCode code, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /** The stable reason of this failure. */
    public ErrorCode code() {
        return code;
    }

    /** Whether retrying the same operation unchanged may succeed. */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code + (retryable ? ", retryable" : "") + "]: " + getMessage();
    }

    /** Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} failure. */
    public static GalerlyException invalid(String message) {
        return new GalerlyException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** Shorthand for an {@link ErrorCode#NOT_FOUND} failure. */
    public static NotFoundException notFound(String message) {
        return new NotFoundException(message);
    }

    /** Shorthand for an {@link ErrorCode#CONFLICT} failure. */
    public static ConflictException conflict(String message) {
        return new ConflictException(message);
    }

    /** Shorthand for an {@link ErrorCode#IO_ERROR} failure, retryable. */
    public static GalerlyException io(String message, Throwable cause) {
        return new GalerlyException(ErrorCode.IO_ERROR, message, cause);
    }
}
