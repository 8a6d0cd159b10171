/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Joining a piece of one photo's work that a worker thread may have started. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * Runs {@code task} here if no worker has started it (so nothing ever waits on a busy pool), waits for it, and
     * rethrows what it threw; an interrupt becomes an {@link UncheckedIOException} of an
     * {@link InterruptedIOException} ("interrupted while {@code doing}") with the thread's flag set again.
     */
    public static void join(FutureTask<?> task, String doing) {
        task.run();                           // a no-op when a worker has started (or finished) it
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while " + doing));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
