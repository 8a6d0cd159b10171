/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;

/**
 * How an object of a known length splits into parts within S3's multipart limits: every part but the last at
 * least 5 MiB, at most 10,000 parts, at most 5 GiB each.
 *
 * @param contentLength the object's length
 * @param partSize      the length of every part but the last
 */
public record MultipartPlan(long contentLength, long partSize) {
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;

    public MultipartPlan {
        if (contentLength < 1) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "a multipart upload needs its content length declared, was " + contentLength);
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be " + MIN_PART_SIZE + ".." + MAX_PART_SIZE
                    + " bytes (5 MiB to 5 GiB), was " + partSize);
        }
        long parts = (contentLength + partSize - 1) / partSize;
        if (parts > MAX_PARTS) {
            throw new GalerlyException(ErrorCode.LIMIT_EXCEEDED, contentLength + " bytes in parts of " + partSize
                    + " make " + parts + " parts; S3 allows " + MAX_PARTS + ": use larger parts");
        }
    }

    /** The smallest part size (a multiple of 1 MiB, at least {@code preferred}) that fits S3's part limit. */
    public static MultipartPlan of(long contentLength, long preferredPartSize) {
        long mib = 1024 * 1024;
        long needed = (contentLength + MAX_PARTS - 1) / MAX_PARTS;
        long size = Math.max(preferredPartSize, (needed + mib - 1) / mib * mib);
        return new MultipartPlan(contentLength, size);
    }

    public int parts() {
        return (int) ((contentLength + partSize - 1) / partSize);
    }

    /** The length of part {@code number} (1-based). */
    public long partLength(int number) {
        if (number < 1 || number > parts()) {
            throw new IllegalArgumentException("part must be 1.." + parts() + ", was " + number);
        }
        return number < parts() ? partSize : contentLength - partSize * (parts() - 1);
    }
}
