/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.galerly.core.trace.Tracer;
import com.galerly.testkit.TracerContract;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/** {@code Tracing.openTelemetry(otel)} passes the {@link TracerContract}, read back from an OpenTelemetry SDK. */
class OpenTelemetryTracerContractTest extends TracerContract {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    private final Tracer tracer = Tracing.openTelemetry(otel);

    @AfterEach
    void close() {
        otel.close();
    }

    @Override
    protected Tracer tracer() {
        return tracer;
    }

    @Override
    protected List<Finished> finished() {
        List<SpanData> spans = exporter.getFinishedSpanItems();
        Map<String, String> names = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, SpanData::getName));
        return spans.stream().map(s -> {
            Map<String, Object> attributes = new LinkedHashMap<>();
            s.getAttributes().forEach((AttributeKey<?> k, Object v) -> attributes.put(k.getKey(), v));
            String parent = s.getParentSpanContext().isValid() ? names.get(s.getParentSpanId()) : null;
            return new Finished(s.getName(), parent, attributes, s.getStatus().getStatusCode() == StatusCode.ERROR);
        }).toList();
    }
}
