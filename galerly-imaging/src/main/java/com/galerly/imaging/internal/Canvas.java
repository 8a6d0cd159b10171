/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.Region;
import com.galerly.core.image.Size;

/**
 * Pixels a rendition can be resampled from: the decoded image (in its stored orientation, possibly decoded at a
 * reduced scale) or an already rendered full-frame rendition. Regions are always given in the displayed
 * (oriented) coordinates of the original at full size; each canvas maps them onto its own pixels.
 */
interface Canvas {
    /** Resamples {@code crop} of the original (oriented, full-size coordinates) to {@code out} pixels, displayed upright. */
    Rendering render(Region crop, Size out, Parallel parallel);
}
