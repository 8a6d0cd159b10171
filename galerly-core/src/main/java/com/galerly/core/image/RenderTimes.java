/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.time.Duration;

/**
 * How long one {@link ImageProcessor#process} call spent decoding, resizing and encoding.
 *
 * <p>The engine overlaps the steps: with {@code threads > 1} a rendition is encoded while the next is resized.
 * So {@code decode} and {@code resize} are the wall time of those steps on the calling thread, {@code encode} is
 * the sum of every rendition's encoding time on whichever thread ran it, and the three may add up to more than the
 * call took. With one thread they add up to the call's time less the placeholder and bookkeeping.
 *
 * @param decode reading the header and decoding the original (at the reduced scale chosen)
 * @param resize resampling the renditions, summed
 * @param encode encoding the renditions, summed over threads
 */
public record RenderTimes(Duration decode, Duration resize, Duration encode) {
    /** For processors that do not time their steps; the pipeline reports nothing for it. */
    public static final RenderTimes UNKNOWN = new RenderTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RenderTimes {
        for (Duration d : new Duration[] {Checks.notNull(decode, "decode"), Checks.notNull(resize, "resize"),
                Checks.notNull(encode, "encode")}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a step cannot take negative time: " + d);
            }
        }
    }

    /** Whether the processor timed its steps (false for {@link #UNKNOWN}). */
    public boolean known() {
        return this != UNKNOWN;
    }
}
