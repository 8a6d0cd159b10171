/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.internal.planar.Tasks;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs independent pieces of one photo's work (bands of rows of a resample) on the caller's thread and the
 * engine's worker threads. The caller runs every piece no worker has started yet, so a worker busy with an
 * encode never delays it and nothing can deadlock.
 */
final class Parallel {
    static final Parallel INLINE = new Parallel(null, 1);

    private final Executor pool;
    private final int threads;

    Parallel(Executor pool, int threads) {
        this.pool = pool;
        this.threads = pool == null ? 1 : threads;
    }

    /** The engine's workers, or null when everything runs on the caller. */
    Executor pool() {
        return pool;
    }

    /** How many pieces work is worth splitting into. */
    int threads() {
        return threads;
    }

    void run(List<Runnable> pieces) {
        if (pool == null || pieces.size() < 2) {
            pieces.forEach(Runnable::run);
            return;
        }
        Tasks.runAll(pieces, pool, "resampling");
    }
}
