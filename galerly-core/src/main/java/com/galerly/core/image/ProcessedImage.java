/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.util.List;
import java.util.Optional;

/**
 * Everything one decode of an original produced.
 *
 * @param info        the original's header information
 * @param renditions  one per spec of the profile, in profile order
 * @param placeholder a BlurHash of the image, or null if the processor computes none
 * @param times       how long decoding, resizing and encoding took, or {@link RenderTimes#UNKNOWN}
 */
public record ProcessedImage(ImageInfo info, List<EncodedRendition> renditions, String placeholder, RenderTimes times) {
    public ProcessedImage {
        Checks.notNull(info, "info");
        renditions = List.copyOf(Checks.notNull(renditions, "renditions"));
        Checks.notNull(times, "times");
    }

    /** For processors that do not time their steps. */
    public ProcessedImage(ImageInfo info, List<EncodedRendition> renditions, String placeholder) {
        this(info, renditions, placeholder, RenderTimes.UNKNOWN);
    }

    public Optional<EncodedRendition> rendition(String name) {
        return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
