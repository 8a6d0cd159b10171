/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for a fake: fail the next N calls (of any operation, or of one), or fail calls at random
 * with a fixed seed, so users can test their own retries. Thread-safe. Every fake exposes one through
 * {@code faults()}; a fake checks it at the start of each operation, before any state changes, so an injected
 * failure never leaves a half-done write.
 *
 * <pre>{@code
 * blobs.faults().failNext("put", 2, Fault.TRANSIENT);   // the next two puts throw a retryable IO_ERROR
 * photos.faults().failNext(1, Fault.PERMANENT);         // the next call of any operation fails for good
 * blobs.faults().failRandomly(0.1, Fault.THROTTLED, 42); // chaos: 10% of calls, reproducibly
 * }</pre>
 *
 * <p>It also counts the calls of each operation, failed or not ({@link #calls(String)}), so a test can hold code
 * to a request budget: what costs one call on a fake costs one request on S3 or DynamoDB.
 */
public final class Faults {
    private final Deque<Planned> planned = new ArrayDeque<>();
    private final AtomicInteger injected = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private SplittableRandom random;
    private double probability;
    private Fault randomFault;

    /** Fails the next {@code times} calls of any operation. */
    public Faults failNext(int times, Fault fault) {
        return failNext(null, times, fault);
    }

    /** Fails the next {@code times} calls of {@code operation} (the fake's method name, e.g. {@code "put"}). */
    public synchronized Faults failNext(String operation, int times, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        planned.add(new Planned(operation, times, fault));
        return this;
    }

    /** Fails each call with {@code probability}, drawn from a generator seeded with {@code seed}. */
    public synchronized Faults failRandomly(double probability, Fault fault, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1, was " + probability);
        }
        this.probability = probability;
        this.randomFault = Objects.requireNonNull(fault, "fault");
        this.random = new SplittableRandom(seed);
        return this;
    }

    /** Removes every planned and random fault (the count of injected ones stays). */
    public synchronized void clear() {
        planned.clear();
        random = null;
    }

    /** How many faults were injected so far. */
    public int injected() {
        return injected.get();
    }

    /** How many calls of {@code operation} (the fake's method name, e.g. {@code "list"}) were made so far. */
    public int calls(String operation) {
        AtomicInteger n = calls.get(Objects.requireNonNull(operation, "operation"));
        return n == null ? 0 : n.get();
    }

    /**
     * Counts this call of {@code operation} and throws the fault planned for it, if any. Fakes call it first thing.
     */
    public void check(String operation) {
        calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Fault fault = take(operation);
        if (fault != null) {
            injected.incrementAndGet();
            throw fault.exception(operation);
        }
    }

    private synchronized Fault take(String operation) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned p = it.next();
            if (p.operation == null || p.operation.equals(operation)) {
                if (--p.remaining == 0) {
                    it.remove();
                }
                return p.fault;
            }
        }
        if (random != null && random.nextDouble() < probability) {
            return randomFault;
        }
        return null;
    }

    private static final class Planned {
        final String operation;
        final Fault fault;
        int remaining;

        Planned(String operation, int remaining, Fault fault) {
            this.operation = operation;
            this.remaining = remaining;
            this.fault = fault;
        }
    }
}
