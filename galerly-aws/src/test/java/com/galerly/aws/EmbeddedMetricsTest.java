/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.pipeline.Outcome;
import com.galerly.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class EmbeddedMetricsTest {
    @Test
    void writesOneEmfLinePerEventWithDimensionsAndUnits() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestClock clock = TestClock.standard();
        EmbeddedMetrics metrics = new EmbeddedMetrics("Galerly", new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next());
        metrics.eventHandled(new Outcome(Outcome.Kind.REJECTED, photo, ErrorCode.CORRUPT_IMAGE, "truncated"),
                Duration.ofMillis(420), 1000, 0);
        metrics.attemptFailed(ErrorCode.THROTTLED, true);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        JsonNode event = JsonNode.parser().parse(lines.get(0));
        JsonNode directive = event.field("_aws").orElseThrow();
        assertEquals(Long.toString(clock.millis()), directive.field("Timestamp").orElseThrow().asNumber());
        JsonNode cw = directive.field("CloudWatchMetrics").orElseThrow().asArray().get(0);
        assertEquals("Galerly", cw.field("Namespace").orElseThrow().text());
        assertEquals(List.of("Outcome", "ErrorCode"), cw.field("Dimensions").orElseThrow().asArray().get(0).asArray()
                .stream().map(JsonNode::text).toList());
        assertEquals("Milliseconds", cw.field("Metrics").orElseThrow().asArray().get(1).field("Unit").orElseThrow().text());
        assertEquals("REJECTED", event.field("Outcome").orElseThrow().text());
        assertEquals("CORRUPT_IMAGE", event.field("ErrorCode").orElseThrow().text());
        assertEquals("420", event.field("Duration").orElseThrow().asNumber());
        assertEquals("1", JsonNode.parser().parse(lines.get(1)).field("Failures").orElseThrow().asNumber());
    }
}
