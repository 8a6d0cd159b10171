/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.pipeline;

import com.galerly.core.ErrorCode;
import com.galerly.core.PhotoKey;
import com.galerly.core.spi.Checks;

/**
 * What {@link RenditionPipeline#handle(ObjectCreated)} did with an event. Transient failures are not outcomes:
 * they are thrown as retryable {@link com.galerly.core.GalerlyException}s for the caller's retry.
 *
 * @param kind   what happened
 * @param photo  the photo concerned, or null for IGNORED
 * @param code   the error code for REJECTED, else null
 * @param detail a readable explanation
 */
public record Outcome(Kind kind, PhotoKey photo, ErrorCode code, String detail) {
    /** What can happen to an event. */
    public enum Kind {
        /** Renditions written and the photo is ACTIVE. */
        PROCESSED,
        /** This upload was already processed or refused: nothing done. */
        DUPLICATE,
        /** A newer upload of the key exists (or is being processed): nothing done. */
        STALE,
        /** The object no longer exists: nothing done. */
        MISSING,
        /** The original can never be rendered; the photo is FAILED with {@link #code()}. */
        REJECTED,
        /** The key is not an original of the layout (a rendition, another prefix, a hostile key). */
        IGNORED
    }

    public Outcome {
        Checks.notNull(kind, "kind");
        if ((kind == Kind.REJECTED) != (code != null)) {
            throw new IllegalArgumentException("exactly REJECTED outcomes carry an error code");
        }
    }

    static Outcome of(Kind kind, PhotoKey photo, String detail) {
        return new Outcome(kind, photo, null, detail);
    }
}
