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
    /** Decode, resize and encode: one call to the {@link com.galerly.core.image.ImageProcessor}, whose
     * encoders run interleaved with the resizing, so the three are timed together. */
    RENDER("render"),
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
