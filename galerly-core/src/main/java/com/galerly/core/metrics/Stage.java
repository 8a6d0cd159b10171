/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.metrics;

/**
 * The stages of processing one photo, as timed by the pipeline ({@link Metrics#stageCompleted}) and traced
 * as spans ({@link com.galerly.core.trace.Tracer}).
 */
public enum Stage {
    /** HEAD of the original and the conditional claim of its record. */
    CHECK("check"),
    /** Decode, resize and encode: one call to the {@link com.galerly.core.image.ImageProcessor}. */
    RENDER("render"),
    /**
     * Inside {@link #RENDER}: decoding the original, as the processor timed it
     * ({@link com.galerly.core.image.RenderTimes}; reported only by processors that time their steps).
     */
    DECODE("decode"),
    /** Inside {@link #RENDER}: resampling the renditions, summed. */
    RESIZE("resize"),
    /**
     * Inside {@link #RENDER}: encoding the renditions, summed over the threads that ran them. With
     * {@code threads > 1} encoding overlaps resizing, so decode + resize + encode may exceed render.
     */
    ENCODE("encode"),
    /** Writing the renditions to the blob store. */
    STORE("store"),
    /** Marking the record ACTIVE (or FAILED) with its renditions. */
    RECORD("record");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** Lower-case name used in span names ({@code galerly.render}) and metric names. */
    public String id() {
        return id;
    }
}
