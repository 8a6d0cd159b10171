/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

/**
 * How {@link CdnUrls} makes a photo's URLs change when its content changes, so renditions can be cached for a year
 * ({@code Cache-Control: immutable}) and a replaced photo never serves a stale copy.
 *
 * <pre>{@code
 * CdnUrls urls = CdnUrls.builder().domain("cdn.example.com").versioning(Versioning.CONTENT).build();
 * }</pre>
 */
public enum Versioning {
    /**
     * {@code ?v=} the photo record's version (default). Every write to the record, reprocessing included, yields
     * new URLs: never stale, at the cost of a cache miss after a metadata-only change.
     */
    RECORD_VERSION,
    /**
     * {@code ?v=} a short hash of what the bytes depend on: the original's ETag (or, without one, the record
     * version) and, for a rendition, its key, size in bytes, dimensions and content type. URLs survive
     * metadata-only writes and identical re-renders, and change when the original or the rendition output changes.
     */
    CONTENT,
    /** No version parameter: for layouts whose keys already change with the content. */
    NONE
}
