/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Waiting for the pieces of one photo's work that run on the engine's worker threads. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * The result of {@code future}, rethrowing what it threw (an IOException as itself, any other checked
     * exception wrapped in one); an interrupt becomes an {@link InterruptedIOException} ("interrupted while
     * {@code doing}") with the thread's flag set again.
     */
    public static <T> T get(Future<T> future, String doing) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /**
     * Runs {@code task} here if no worker has started it (so nothing ever waits on a busy pool), then waits for it
     * as {@link #get} does, an interrupt surfacing as an {@link UncheckedIOException}.
     */
    public static void join(FutureTask<?> task, String doing) {
        task.run();                           // a no-op when a worker has started (or finished) it
        try {
            get(task, doing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs independent {@code pieces}, each under the caller's deadline: all but the first go to {@code pool}, then
     * the caller runs every piece no worker has started, and only then waits for the ones workers have.
     */
    public static void runAll(List<? extends Runnable> pieces, Executor pool, String doing) {
        List<FutureTask<Void>> tasks = new ArrayList<>(pieces.size());
        for (Runnable piece : pieces) {
            tasks.add(new FutureTask<>(Deadline.carry(piece), null));
        }
        try {
            for (int i = 1; i < tasks.size(); i++) {
                pool.execute(tasks.get(i));
            }
        } finally {
            for (FutureTask<Void> task : tasks) {
                task.run();                       // a no-op for a piece a worker has taken
            }
            for (FutureTask<Void> task : tasks) {
                join(task, doing);
            }
        }
    }
}
