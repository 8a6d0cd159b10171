/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ErrorCode;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.internal.Checks;
import java.util.Optional;

/**
 * What {@link UploadService#confirm(String)} found in an uploaded object.
 *
 * @param key       the object key
 * @param accepted  true if it is an image in a supported format within the limits
 * @param format    the sniffed format, or null when not an image
 * @param size      the object size in bytes
 * @param errorCode why it was refused (and deleted), or null when accepted
 * @param message   a readable reason when refused, or null
 */
public record UploadConfirmation(String key, boolean accepted, ImageFormat format, long size, ErrorCode errorCode,
                                 String message) {
    public UploadConfirmation {
        Checks.notBlank(key, "key");
        if (accepted == (errorCode != null)) {
            throw new IllegalArgumentException("an accepted upload has no error code, a refused one has one");
        }
    }

    public Optional<ImageFormat> sniffedFormat() {
        return Optional.ofNullable(format);
    }
}
