/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/**
 * What one rendition takes from the (oriented) source and how big it comes out: the source {@code crop} is
 * scaled to {@code output}. For INSIDE the crop is the whole source; for COVER it is the centred part with the
 * box's aspect ratio.
 *
 * @param source the oriented source size
 * @param crop   the source pixels used
 * @param output the rendition's size
 */
public record ResizePlan(Size source, Region crop, Size output) {
    public ResizePlan {
        if (!crop.within(source)) {
            throw new IllegalArgumentException("crop " + crop + " outside source " + source);
        }
    }

    /** Output width over crop width: at most 1, since nothing is upscaled. */
    public double scale() {
        return (double) output.width() / crop.width();
    }

    /** Whether the rendition is the source unchanged in size. */
    public boolean identity() {
        return crop.size().equals(source) && output.equals(source);
    }
}
