/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.storage;

import com.galerly.core.spi.Checks;

/**
 * One stored version of an object, or a delete marker, as {@link BlobStore#versions(String)} lists it and
 * {@link BlobStore#erase(String)} reports it removed.
 *
 * @param key          the object key
 * @param versionId    the version id on a versioned bucket; null on a store without versions (and for S3's
 *                     {@code "null"} version of an object written before versioning was enabled)
 * @param deleteMarker whether this is a delete marker rather than stored bytes
 */
public record BlobVersion(String key, String versionId, boolean deleteMarker) {
    public BlobVersion {
        Checks.notBlank(key, "key");
    }

    /** The current object of a store without versions. */
    public static BlobVersion unversioned(String key) {
        return new BlobVersion(key, null, false);
    }
}
