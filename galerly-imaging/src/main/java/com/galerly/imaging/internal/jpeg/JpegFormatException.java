/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import java.io.IOException;

/** The bytes are not a valid JPEG (the engine reports CORRUPT_IMAGE). */
public class JpegFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public JpegFormatException(String message) {
        super(message);
    }
}
