/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;

/** Kinds of failure a fake can inject into a call. */
public enum Fault {
    /** A retryable {@code IO_ERROR}, as a storage timeout or a 5xx would give. */
    TRANSIENT,
    /** A retryable {@code THROTTLED}, as S3's SlowDown or DynamoDB's throughput errors would give. */
    THROTTLED,
    /** A non-retryable {@code INTERNAL} failure that no retry fixes. */
    PERMANENT;

    /** The exception this fault throws for an operation. */
    public GalerlyException exception(String operation) {
        return switch (this) {
            case TRANSIENT -> new GalerlyException(ErrorCode.IO_ERROR, "injected transient fault in " + operation);
            case THROTTLED -> new GalerlyException(ErrorCode.THROTTLED, "injected throttling in " + operation);
            case PERMANENT -> new GalerlyException(ErrorCode.INTERNAL, "injected permanent fault in " + operation);
        };
    }
}
