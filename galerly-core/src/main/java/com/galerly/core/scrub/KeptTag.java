/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scrub;

/** Metadata a {@link MetadataScrubber} may be told to keep; orientation is always kept. */
public enum KeptTag {
    /** EXIF Artist (0x013B); in PNG, the {@code Author} text chunk. */
    ARTIST,
    /** EXIF Copyright (0x8298); in PNG, the {@code Copyright} text chunk. */
    COPYRIGHT
}
