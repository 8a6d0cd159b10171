/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.pipeline;

import com.galerly.core.spi.Checks;

/**
 * One S3 ObjectCreated notification (or S3 Batch Operations task), with the key already URL-decoded.
 *
 * @param bucket    the bucket
 * @param key       the object key, decoded
 * @param size      the size the event reports, or -1
 * @param eTag      the ETag the event reports (without quotes), or null (Batch Operations)
 * @param versionId the version id, or null
 * @param sequencer the event sequencer, or null (Batch Operations)
 */
public record ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String sequencer) {
    public ObjectCreated {
        Checks.notBlank(bucket, "bucket");
        Checks.notNull(key, "key");
        eTag = stripQuotes(eTag);
    }

    /** An event with only a key (the rest unknown), as a backfill would make. */
    public static ObjectCreated of(String bucket, String key) {
        return new ObjectCreated(bucket, key, -1, null, null, null);
    }

    static String stripQuotes(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
