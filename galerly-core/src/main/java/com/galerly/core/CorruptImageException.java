/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

/** The content claims a supported format but is truncated or malformed; nothing was rendered from it. Always carries {@link ErrorCode#CORRUPT_IMAGE}. */
public class CorruptImageException extends GalerlyException {
    private static final long serialVersionUID = 1L;

    public CorruptImageException(String message) {
        super(ErrorCode.CORRUPT_IMAGE, message);
    }

    public CorruptImageException(String message, Throwable cause) {
        super(ErrorCode.CORRUPT_IMAGE, message, cause);
    }
}
