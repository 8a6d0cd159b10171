/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/** How a rendition fills its box. Neither ever upscales. */
public enum Fit {
    /** Fill the box and crop the overflow, centred (thumbnails). */
    COVER,
    /** Fit entirely inside the box, keeping the aspect ratio. */
    INSIDE
}
