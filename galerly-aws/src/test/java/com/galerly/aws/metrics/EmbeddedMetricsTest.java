/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.Outcome;
import com.galerly.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * EMF output checked against the documented format (CloudWatch "Specification: Embedded metric format"): a root
 * {@code _aws} metadata object with a millisecond {@code Timestamp} and {@code CloudWatchMetrics} directives;
 * each directive a {@code Namespace}, {@code Dimensions} (arrays of at most 30 dimension names, each a string
 * member of the root) and {@code Metrics} (1..100 definitions whose {@code Name} is a number member of the root,
 * or an array of at most 100 numbers, and whose {@code Unit} is a CloudWatch unit).
 */
class EmbeddedMetricsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TestClock clock = TestClock.standard();
    private final PhotoKey photo = new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next());

    private EmbeddedMetrics.Builder metrics() {
        return EmbeddedMetrics.builder().namespace("Galerly").service("photos").functionName("render-fn")
                .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).clock(clock).coldStart(false);
    }

    private List<JsonNode> documents() {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode doc = JsonNode.parser().parse(line);
            assertValidEmf(doc, line);
            docs.add(doc);
        }
        bytes.reset();
        return docs;
    }

    /** The documented structure and limits, member by member. */
    static void assertValidEmf(JsonNode doc, String line) {
        assertTrue(doc.isObject(), line);
        JsonNode aws = doc.field("_aws").orElseThrow(() -> new AssertionError("no _aws: " + line));
        assertTrue(aws.field("Timestamp").orElseThrow().isNumber(), "Timestamp is a number: " + line);
        List<JsonNode> directives = aws.field("CloudWatchMetrics").orElseThrow().asArray();
        assertFalse(directives.isEmpty(), line);
        for (JsonNode directive : directives) {
            String namespace = directive.field("Namespace").orElseThrow().text();
            assertTrue(!namespace.isEmpty() && namespace.length() <= 255, line);
            for (JsonNode set : directive.field("Dimensions").orElseThrow().asArray()) {
                List<JsonNode> names = set.asArray();
                assertTrue(names.size() <= 30, "at most 30 dimensions: " + line);
                for (JsonNode name : names) {
                    JsonNode value = doc.field(name.text()).orElseThrow(() -> new AssertionError("dimension "
                            + name.text() + " is not a member: " + line));
                    assertTrue(value.isString(), "dimension values are strings: " + line);
                }
            }
            List<JsonNode> definitions = directive.field("Metrics").orElseThrow().asArray();
            assertTrue(!definitions.isEmpty() && definitions.size() <= 100, "1..100 metrics: " + definitions.size());
            for (JsonNode definition : definitions) {
                String name = definition.field("Name").orElseThrow().text();
                assertTrue(!name.isEmpty() && name.length() <= 255, line);
                definition.field("Unit").ifPresent(u -> assertTrue(EmbeddedMetrics.UNITS.contains(u.text()), line));
                JsonNode value = doc.field(name).orElseThrow(() -> new AssertionError("metric " + name
                        + " is not a member: " + line));
                if (value.isArray()) {
                    assertTrue(value.asArray().size() <= 100, "at most 100 values: " + line);
                    value.asArray().forEach(v -> assertTrue(v.isNumber(), line));
                } else {
                    assertTrue(value.isNumber(), "metric values are numbers: " + line);
                }
            }
        }
    }

    private static List<String> dimensions(JsonNode doc) {
        return doc.field("_aws").orElseThrow().field("CloudWatchMetrics").orElseThrow().asArray().get(0)
                .field("Dimensions").orElseThrow().asArray().get(0).asArray().stream().map(JsonNode::text).toList();
    }

    private static List<String> metricNames(JsonNode doc) {
        return doc.field("_aws").orElseThrow().field("CloudWatchMetrics").orElseThrow().asArray().get(0)
                .field("Metrics").orElseThrow().asArray().stream()
                .map(m -> m.field("Name").orElseThrow().text()).toList();
    }

    private static String text(JsonNode doc, String member) {
        return doc.field(member).orElseThrow().text();
    }

    private static List<Long> values(JsonNode doc, String metric) {
        JsonNode v = doc.field(metric).orElseThrow();
        return (v.isArray() ? v.asArray() : List.of(v)).stream().map(n -> Long.parseLong(n.asNumber())).toList();
    }

    @Test
    void anInvocationIsOneDocumentPerDimensionSetWithServiceFunctionOutcomeAndErrorCode() {
        EmbeddedMetrics metrics = metrics().build();
        metrics.stageCompleted(Stage.CHECK, Duration.ofMillis(3));
        metrics.stageCompleted(Stage.DECODE, Duration.ofMillis(90));
        metrics.stageCompleted(Stage.RESIZE, Duration.ofMillis(70));
        metrics.stageCompleted(Stage.ENCODE, Duration.ofMillis(80));
        metrics.stageCompleted(Stage.RENDER, Duration.ofMillis(250));
        metrics.stageCompleted(Stage.STORE, Duration.ofMillis(40));
        metrics.stageCompleted(Stage.RECORD, Duration.ofMillis(5));
        metrics.eventHandled(new Outcome(Outcome.Kind.PROCESSED, photo, null, "4 renditions"),
                Duration.ofMillis(300), 5_000_000, 800_000);
        metrics.eventHandled(new Outcome(Outcome.Kind.REJECTED, photo, ErrorCode.CORRUPT_IMAGE, "truncated"),
                Duration.ofMillis(420), 1000, 0);
        metrics.attemptFailed(ErrorCode.THROTTLED, true);
        assertTrue(bytes.size() == 0, "nothing is written before the flush");
        metrics.flush();

        List<JsonNode> docs = documents();
        assertEquals(4, docs.size(), "stages, PROCESSED, REJECTED, failures");
        JsonNode stages = docs.get(0);
        assertEquals(List.of("Service", "FunctionName"), dimensions(stages));
        assertEquals("photos", text(stages, "Service"));
        assertEquals("render-fn", text(stages, "FunctionName"));
        assertEquals(List.of("CheckTime", "DecodeTime", "ResizeTime", "EncodeTime", "RenderTime", "StoreTime",
                "RecordTime"), metricNames(stages));
        assertEquals(List.of(250L), values(stages, "RenderTime"));
        assertEquals(List.of(80L), values(stages, "EncodeTime"));
        assertEquals(Long.toString(clock.millis()), stages.field("_aws").orElseThrow().field("Timestamp")
                .orElseThrow().asNumber());

        JsonNode processed = docs.get(1);
        assertEquals(List.of("Service", "FunctionName", "Outcome"), dimensions(processed));
        assertEquals("PROCESSED", text(processed, "Outcome"));
        assertEquals(List.of("Photos", "Duration", "BytesIn", "BytesOut"), metricNames(processed));
        assertEquals(List.of(5_000_000L), values(processed, "BytesIn"));
        assertEquals(List.of(800_000L), values(processed, "BytesOut"));

        JsonNode rejected = docs.get(2);
        assertEquals(List.of("Service", "FunctionName", "Outcome", "ErrorCode"), dimensions(rejected));
        assertEquals("CORRUPT_IMAGE", text(rejected, "ErrorCode"));
        assertEquals(List.of(420L), values(rejected, "Duration"));

        JsonNode failures = docs.get(3);
        assertEquals(List.of("Service", "FunctionName", "ErrorCode"), dimensions(failures));
        assertEquals("THROTTLED", text(failures, "ErrorCode"));
        assertEquals(List.of(1L), values(failures, "Failures"));

        metrics.flush();
        assertEquals(List.of(), documents(), "a flush with nothing pending writes nothing");
    }

    @Test
    void valuesAreBatchedAsArraysOfAtMostOneHundred() {
        EmbeddedMetrics metrics = metrics().build();
        for (int i = 0; i < 250; i++) {
            metrics.eventHandled(new Outcome(Outcome.Kind.PROCESSED, photo, null, "ok"), Duration.ofMillis(i), 10, 20);
        }
        List<JsonNode> early = documents();
        assertEquals(2, early.size(), "written when a metric is full");
        metrics.flush();
        List<JsonNode> docs = new ArrayList<>(early);
        docs.addAll(documents());
        assertEquals(3, docs.size());
        assertEquals(List.of(100, 100, 50), docs.stream().map(d -> values(d, "Photos").size()).toList());
        assertEquals(250L, docs.stream().mapToLong(d -> values(d, "Photos").stream().mapToLong(Long::longValue).sum())
                .sum());
        assertEquals(List.of(0L, 1L, 2L), values(docs.get(0), "Duration").subList(0, 3), "values keep their order");
    }

    @Test
    void aDocumentHoldsAtMostOneHundredMetrics() {
        EmbeddedMetrics metrics = metrics().build();
        for (int i = 0; i < 150; i++) {
            metrics.metric("Custom" + i, "Count", i);
        }
        metrics.flush();
        List<JsonNode> docs = documents();
        assertEquals(List.of(100, 50), docs.stream().map(d -> metricNames(d).size()).toList());
        assertEquals(List.of(149L), values(docs.get(1), "Custom149"));
        assertThrows(IllegalArgumentException.class, () -> metrics.metric("Latency", "Fortnights", 1));
        assertThrows(IllegalArgumentException.class, () -> metrics.metric("Latency", "Count", Double.NaN));
    }

    @Test
    void coldStartIsReportedOncePerInstance() {
        EmbeddedMetrics metrics = metrics().coldStart(true).build();
        metrics.flush();
        List<JsonNode> first = documents();
        assertEquals(1, first.size());
        assertEquals(List.of("ColdStart"), metricNames(first.get(0)));
        assertEquals(List.of("Service", "FunctionName"), dimensions(first.get(0)));
        metrics.eventHandled(new Outcome(Outcome.Kind.DUPLICATE, photo, null, "done"), Duration.ZERO, 0, 0);
        metrics.flush();
        List<JsonNode> second = documents();
        assertEquals(1, second.size());
        assertFalse(metricNames(second.get(0)).contains("ColdStart"));
    }

    @Test
    void withoutAFunctionNameTheDimensionIsLeftOutAndTheServiceDefaultsToTheNamespace() {
        EmbeddedMetrics metrics = new EmbeddedMetrics("Galerly", new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock);
        metrics.attemptFailed(ErrorCode.IO_ERROR, true);
        metrics.flush();
        List<JsonNode> docs = documents().stream().filter(d -> metricNames(d).contains("Failures")).toList();
        assertEquals(List.of("Service", "ErrorCode"), dimensions(docs.get(0)));
        assertEquals("Galerly", text(docs.get(0), "Service"));
    }
}
