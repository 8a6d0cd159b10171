/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LambdaSettingsTest {
    @Test
    void defaultsNeedOnlyTheTable() {
        LambdaSettings s = LambdaSettings.fromEnvironment(Map.of("GALERLY_TABLE", "photos"));
        assertEquals("photos", s.table());
        assertEquals(Set.of(), s.buckets());
        assertEquals("originals/", s.layout().originalsPrefix());
        assertEquals(ImageFormat.JPEG, s.profile().spec("large").orElseThrow().format());
        assertEquals(200_000_000L, s.processor().maxPixels());
        assertEquals(Duration.ofMinutes(15), s.lease());
        assertEquals("Galerly", s.metricsNamespace());
    }

    @Test
    void everyVariableIsRead() {
        LambdaSettings s = LambdaSettings.fromEnvironment(Map.of("GALERLY_TABLE", "photos",
                "GALERLY_BUCKETS", "a-bucket, b-bucket", "GALERLY_ORIGINALS_PREFIX", "in/",
                "GALERLY_RENDITIONS_PREFIX", "out/", "GALERLY_FORMAT", "webp", "GALERLY_QUALITY", "80",
                "GALERLY_MAX_MEGAPIXELS", "50.5", "GALERLY_LEASE_SECONDS", "120", "GALERLY_METRICS_NAMESPACE", "off"));
        assertEquals(Set.of("a-bucket", "b-bucket"), s.buckets());
        assertEquals("out/", s.layout().renditionsPrefix());
        assertEquals(ImageFormat.WEBP, s.profile().spec("thumbnail").orElseThrow().format());
        assertEquals(80, s.profile().spec("thumbnail").orElseThrow().quality());
        assertEquals(50_500_000L, s.processor().maxPixels());
        assertEquals(Duration.ofSeconds(120), s.lease());
        assertNull(s.metricsNamespace());
    }

    @Test
    void badValuesNameTheirVariable() {
        for (Map<String, String> env : new Map[] {
                Map.of(),
                Map.of("GALERLY_TABLE", "t", "GALERLY_FORMAT", "gif"),
                Map.of("GALERLY_TABLE", "t", "GALERLY_QUALITY", "high"),
                Map.of("GALERLY_TABLE", "t", "GALERLY_RENDITIONS_PREFIX", "originals/sub/"),
                Map.of("GALERLY_TABLE", "t", "GALERLY_MAX_MEGAPIXELS", "-1")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LambdaSettings.fromEnvironment(env), env.toString());
            assertTrue(e.getMessage().startsWith("GALERLY_"), e.getMessage());
        }
    }
}
