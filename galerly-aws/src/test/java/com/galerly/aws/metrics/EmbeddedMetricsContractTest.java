/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.metrics;

import com.galerly.core.metrics.Metrics;
import com.galerly.testkit.MetricsContract;
import com.galerly.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** EMF metrics against the test kit's Metrics contract: every document valid EMF, every event's Photos counted once. */
class EmbeddedMetricsContractTest extends MetricsContract {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    protected Metrics metrics() {
        return EmbeddedMetrics.builder().namespace("Galerly").service("photos").functionName("render-fn")
                .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).clock(TestClock.standard())
                .coldStart(false).build();
    }

    @Override
    protected long eventsReported() {
        long photos = 0;
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode doc = JsonNode.parser().parse(line);
            EmbeddedMetricsTest.assertValidEmf(doc, line);
            JsonNode v = doc.field("Photos").orElse(null);
            if (v != null) {
                for (JsonNode n : v.isArray() ? v.asArray() : List.of(v)) {
                    photos += Long.parseLong(n.asNumber());
                }
            }
        }
        return photos;
    }
}
