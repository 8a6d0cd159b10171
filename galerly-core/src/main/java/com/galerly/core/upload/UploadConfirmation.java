/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ErrorCode;
import com.galerly.core.PhotoKey;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.spi.Checks;
import java.util.Optional;

/**
 * What {@link UploadService#confirm(String)} found in an uploaded object: accepted (promoted out of quarantine,
 * or resolved to an existing photo with the same bytes) or refused (deleted) with a stable code.
 *
 * @param key       the object key
 * @param accepted  true if it is an image in a supported format within the limits
 * @param format    the sniffed format, or null when not an image
 * @param size      the object size in bytes
 * @param errorCode why it was refused (and deleted), or null when accepted
 * @param message   a readable reason when refused, or null
 * @param duplicateOf the existing photo with the same bytes when the upload was linked to it
 *                    ({@link DuplicatePolicy#LINK}), else null
 */
public record UploadConfirmation(String key, boolean accepted, ImageFormat format, long size, ErrorCode errorCode,
                                 String message, PhotoKey duplicateOf) {
    /** A confirmation without a duplicate link. */
    public UploadConfirmation(String key, boolean accepted, ImageFormat format, long size, ErrorCode errorCode,
                              String message) {
        this(key, accepted, format, size, errorCode, message, null);
    }

    public UploadConfirmation {
        Checks.notBlank(key, "key");
        if (accepted == (errorCode != null)) {
            throw new IllegalArgumentException("an accepted upload has no error code, a refused one has one");
        }
    }

    /** The existing photo this upload resolved to, when it had the same bytes. */
    public Optional<PhotoKey> linkedTo() {
        return Optional.ofNullable(duplicateOf);
    }

    public Optional<ImageFormat> sniffedFormat() {
        return Optional.ofNullable(format);
    }
}
