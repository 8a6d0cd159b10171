/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool every engine of the JVM shares for the work of a photo (resample bands, parallel encodes, the
 * decoder's row transforms). Its threads are daemons that end after {@link #IDLE_SECONDS} idle, so engines need
 * no closing and building many engines starts no threads that outlive their use. Each engine sees it through
 * {@link #bounded(int)}, which runs at most as many of its pieces at once as its settings allow.
 */
final class SharedPool {
    static final int IDLE_SECONDS = 30;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "galerly-imaging-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private SharedPool() {
    }

    /** How many threads the shared pool has now (idle ones included); for tests. */
    static int threads() {
        return POOL.getPoolSize();
    }

    /** A view of the shared pool that runs at most {@code parallelism} tasks at once, queueing the rest. */
    static Bounded bounded(int parallelism) {
        return new Bounded(parallelism);
    }

    /** A view of the pool that runs at most so many tasks at once. */
    static final class Bounded implements Executor {
        private final int parallelism;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private int running;

        Bounded(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                queue.add(task);
            }
            drain();
        }

        /**
         * Runs one queued task on the caller, if one is waiting (a thread about to wait for a worker helps with what
         * the worker queued, such as the parts of an encode); whether it ran one.
         */
        boolean runQueued() {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return false;
            }
            next.run();
            return true;
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    if (running >= parallelism || queue.isEmpty()) {
                        return;
                    }
                    next = queue.poll();
                    running++;
                }
                POOL.execute(() -> {
                    try {
                        next.run();
                    } finally {
                        synchronized (this) {
                            running--;
                        }
                        drain();
                    }
                });
            }
        }
    }
}
