/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

/** The content is not in a format any installed decoder reads; the message says what was sniffed and which decoders declined. Always carries {@link ErrorCode#UNSUPPORTED_FORMAT}. */
public class UnsupportedFormatException extends GalerlyException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String message) {
        super(ErrorCode.UNSUPPORTED_FORMAT, message);
    }

    public UnsupportedFormatException(String message, Throwable cause) {
        super(ErrorCode.UNSUPPORTED_FORMAT, message, cause);
    }
}
