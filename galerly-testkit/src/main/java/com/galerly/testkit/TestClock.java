/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it; thread-safe. Inject it wherever Galerly takes a
 * {@link Clock} to make leases, expiries and signatures deterministic.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
 * repository = new InMemoryPhotoRepository(clock);
 * clock.advance(Duration.ofMinutes(16));   // every 15-minute lease has now expired
 * }</pre>
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static TestClock at(Instant instant) {
        return new TestClock(new AtomicReference<>(instant), ZoneOffset.UTC);
    }

    public static TestClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** 2026-01-01T00:00:00Z. */
    public static TestClock standard() {
        return at("2026-01-01T00:00:00Z");
    }

    /** Moves the clock forward (or back, for a negative duration) and returns the new instant. */
    public Instant advance(Duration duration) {
        return now.updateAndGet(i -> i.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
