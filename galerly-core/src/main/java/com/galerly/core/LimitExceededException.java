/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

/** An input exceeds a configured limit; the message names the input, the value and the limit. Always carries {@link ErrorCode#LIMIT_EXCEEDED}. */
public class LimitExceededException extends GalerlyException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }

    public LimitExceededException(String message, Throwable cause) {
        super(ErrorCode.LIMIT_EXCEEDED, message, cause);
    }
}
