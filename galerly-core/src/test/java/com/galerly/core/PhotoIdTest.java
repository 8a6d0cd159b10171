/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import com.galerly.core.property.Cases;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoIdTest {
    @Test
    void idsAreUrlSafeAndCarryTheirTimestamp() {
        Instant now = Instant.parse("2026-11-23T15:20:00.123Z");
        PhotoId id = PhotoId.generator(Clock.fixed(now, ZoneOffset.UTC)).next();
        assertEquals(26, id.value().length());
        assertTrue(id.value().matches("[0-9a-hjkmnp-tv-z]{26}"), id.value());
        assertEquals(now, id.timestamp());
        assertEquals(id, PhotoId.of(id.value()));
    }

    @Test
    void idsMadeInTheSameMillisecondStillSortInCreationOrder() {
        PhotoId.Generator ids = PhotoId.generator(Clock.fixed(Instant.EPOCH.plusSeconds(1), ZoneOffset.UTC),
                new Random(1));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next().value());
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
        assertEquals(made.size(), made.stream().distinct().count());
    }

    private record Walk(int steps, long seed) {
    }

    @Test
    void idsSortAsStringsInTheOrderOfTheirClock() {
        Cases.check(200, g -> new Walk(g.ints(1, 50), g.seed()), PhotoIdTest::idsSortInTheOrderOfTheirClock);
    }

    private static void idsSortInTheOrderOfTheirClock(Walk walk) {
        Random random = new Random(walk.seed());
        Instant[] now = {Instant.parse("2020-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        PhotoId.Generator ids = PhotoId.generator(clock, random);
        PhotoId previous = ids.next();
        for (int i = 0; i < walk.steps(); i++) {
            now[0] = now[0].plus(Duration.ofMillis(random.nextInt(3) - 1));    // may even step back
            PhotoId next = ids.next();
            assertTrue(previous.compareTo(next) < 0, previous + " < " + next);
            previous = next;
        }
    }

    @Test
    void refusesMalformedIds() {
        for (String bad : new String[] {"", "01JD6V2K8M3Q9X7C5T4R2N0BZA", "01jd6v2k8m3q9x7c5t4r2n0bz", "81jd6v2k8m3q9x7c5t4r2n0bza",
                "01jd6v2k8m3q9x7c5t4r2n0bzi", "../../../../../../etc/pass"}) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> PhotoId.of(bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }
}
