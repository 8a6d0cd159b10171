/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

/**
 * A valid JPEG that the planar decoder does not handle (progressive, arithmetic coding, 12-bit, CMYK...): the
 * caller decodes it with ImageIO instead.
 */
public final class JpegUnsupportedException extends Exception {
    private static final long serialVersionUID = 1L;

    public JpegUnsupportedException(String message) {
        super(message, null, false, false);
    }
}
