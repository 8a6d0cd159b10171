/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for the JPEG marker walker, which every JPEG reader in Galerly runs on untrusted bytes: it may only
 * refuse with {@link JpegSegments.Truncated} or {@link JpegSegments.Malformed}, every segment it returns lies inside
 * the input and after the one before, and the byte-array and one-byte-at-a-time walks agree.
 */
class JpegSegmentsFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void walk(byte[] data) {
        List<String> array = walk(JpegSegments.of(data, 0, data.length), data.length);
        List<String> input = walk(JpegSegments.of(o -> o < data.length ? data[(int) o] & 0xFF : -1, 0, Long.MAX_VALUE),
                data.length);
        if (!array.equals(input)) {
            throw new AssertionError("the two walks differ: " + array + " vs " + input);
        }
    }

    private static List<String> walk(JpegSegments segments, int length) {
        List<String> seen = new ArrayList<>();
        long last = -1;
        try {
            while (segments.next()) {
                long at = segments.offset();
                if (at <= last || segments.end() > length || segments.payload() + segments.length() != segments.end()) {
                    throw new AssertionError("segment " + segments + " out of order or out of the input");
                }
                last = at;
                seen.add(segments.marker() + "@" + at + "+" + segments.length() + "~" + segments.skipped());
            }
        } catch (JpegSegments.Truncated | JpegSegments.Malformed refused) {
            seen.add(refused.getClass().getSimpleName() + ": " + refused.getMessage());
        } catch (IOException e) {
            throw new AssertionError("an untyped refusal", e);
        }
        return seen;
    }
}
