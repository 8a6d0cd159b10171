/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.LimitExceededException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The time one photo may take. The engine enters it for the call ({@link #enter}); decoders, resamplers and
 * encoders ask {@link #check()} between rows, scans and renditions, and work handed to a pool carries it
 * ({@link #carry}). A check on a thread with no deadline passes. Past its end, a check throws
 * {@code LIMIT_EXCEEDED} naming the photo, the budget and the stage: not retryable when the photo's own time limit
 * ran out (the photo costs too much), retryable when the caller's tighter deadline did (a Lambda invocation with
 * little time left: the next invocation has more).
 */
public final class Deadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final String name;
    private final long endNanos;
    private final long budgetMillis;
    private final String origin;
    private final boolean retryable;

    private Deadline(String name, long endNanos, long budgetMillis, String origin, boolean retryable) {
        this.name = name;
        this.endNanos = endNanos;
        this.budgetMillis = budgetMillis;
        this.origin = origin;
        this.retryable = retryable;
    }

    /**
     * A deadline {@code budget} from now; {@code origin} says where the budget came from (for the message), and
     * {@code retryable} whether running past it says nothing about the photo (a caller's deadline).
     */
    public static Deadline in(String name, Duration budget, String origin, boolean retryable) {
        long nanos = budget.isNegative() ? 0 : saturatedNanos(budget);
        return new Deadline(name, System.nanoTime() + nanos, budget.toMillis(), origin, retryable);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Makes this the current thread's deadline until the returned scope is closed. */
    public Scope enter() {
        Deadline previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The current thread's deadline, or null. */
    public static Deadline current() {
        return CURRENT.get();
    }

    /** Throws {@link LimitExceededException} if the current thread's deadline has passed. */
    public static void check() {
        Deadline d = CURRENT.get();
        if (d != null) {
            d.checkNow(null);
        }
    }

    /** As {@link #check()}, naming the stage in the message. */
    public static void check(String stage) {
        Deadline d = CURRENT.get();
        if (d != null) {
            d.checkNow(stage);
        }
    }

    /** Whether this deadline has passed. */
    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** Throws {@link LimitExceededException} if this deadline has passed. */
    public void checkNow(String stage) {
        if (passed()) {
            String message = name + " was not done within its deadline of " + budgetMillis + " ms (" + origin + ")"
                    + (stage != null ? "; stopped while " + stage : "") + ": processing stopped";
            throw retryable ? new GalerlyException(ErrorCode.LIMIT_EXCEEDED, message + "; retry with more time", null,
                    true) : new LimitExceededException(message);
        }
    }

    /** {@code task} running under the current thread's deadline, wherever it runs. */
    public static Runnable carry(Runnable task) {
        Deadline d = CURRENT.get();
        if (d == null) {
            return task;
        }
        return () -> {
            try (Scope s = d.enter()) {
                task.run();
            }
        };
    }

    /** {@code task} running under the current thread's deadline, wherever it runs. */
    public static <T> Callable<T> carry(Callable<T> task) {
        Deadline d = CURRENT.get();
        if (d == null) {
            return task;
        }
        return () -> {
            try (Scope s = d.enter()) {
                return task.call();
            }
        };
    }

    /**
     * {@code in}, checking the current thread's deadline at every read: native decoders (libjpeg inside ImageIO)
     * read their input as they go, so a check here stops them between chunks of input.
     */
    public static java.io.InputStream checking(java.io.InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws java.io.IOException {
                check("reading");
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                check("reading");
                return super.read(b, off, len);
            }
        };
    }

    @Override
    public String toString() {
        return "Deadline[" + name + ", " + budgetMillis + " ms, " + origin + "]";
    }

    /** Restores the previous deadline. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
