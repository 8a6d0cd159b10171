/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

import com.galerly.core.Photo;

/**
 * Renders a photo again from its original, as its storage event would have: what a repair calls for missing
 * renditions, a lost event, a dead worker or fingerprint drift. Usually the rendition pipeline's backfill entry.
 *
 * <pre>{@code
 * Rerender rerender = pipeline.rerender("my-bucket");     // forced for ACTIVE records: see RenditionPipeline.rerender
 * }</pre>
 */
@FunctionalInterface
public interface Rerender {
    /** Renders {@code photo} (the record as the reconciler read it) again; throws if it could not. */
    void rerender(Photo photo);
}
