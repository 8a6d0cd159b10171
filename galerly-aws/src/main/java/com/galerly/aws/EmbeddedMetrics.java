/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import com.galerly.core.ErrorCode;
import com.galerly.core.internal.Checks;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.Outcome;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * {@link Metrics} as CloudWatch Embedded Metric Format: one JSON line per event on standard output, which
 * Lambda ships to CloudWatch Logs and CloudWatch turns into metrics, with no API call and no extra dependency.
 *
 * <p>Per handled event: {@code Photos} (count), {@code Duration} (ms), {@code BytesIn}, {@code BytesOut}
 * (bytes), with the dimension {@code Outcome} (PROCESSED, DUPLICATE, ..., REJECTED) and, for REJECTED,
 * {@code ErrorCode}. Per failed attempt: {@code Failures} with dimension {@code ErrorCode}.
 *
 * {@snippet :
 * Metrics metrics = new EmbeddedMetrics("Galerly", System.out, Clock.systemUTC());
 * }
 */
public final class EmbeddedMetrics implements Metrics {
    private final String namespace;
    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(String namespace, PrintStream out, Clock clock) {
        this.namespace = Checks.notBlank(namespace, "namespace");
        this.out = Checks.notNull(out, "out");
        this.clock = Checks.notNull(clock, "clock");
    }

    @Override
    public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
        boolean rejected = outcome.code() != null;
        JsonWriter json = header(rejected ? new String[] {"Outcome", "ErrorCode"} : new String[] {"Outcome"},
                new String[][] {{"Photos", "Count"}, {"Duration", "Milliseconds"}, {"BytesIn", "Bytes"},
                        {"BytesOut", "Bytes"}});
        json.writeFieldName("Outcome").writeValue(outcome.kind().name());
        if (rejected) {
            json.writeFieldName("ErrorCode").writeValue(outcome.code().name());
        }
        if (outcome.photo() != null) {
            json.writeFieldName("photo").writeValue(outcome.photo().toString());
        }
        json.writeFieldName("Photos").writeValue(1)
                .writeFieldName("Duration").writeValue(elapsed.toMillis())
                .writeFieldName("BytesIn").writeValue(bytesIn)
                .writeFieldName("BytesOut").writeValue(bytesOut);
        emit(json);
    }

    @Override
    public void attemptFailed(ErrorCode code, boolean retryable) {
        JsonWriter json = header(new String[] {"ErrorCode"}, new String[][] {{"Failures", "Count"}});
        json.writeFieldName("ErrorCode").writeValue(code.name())
                .writeFieldName("Retryable").writeValue(retryable)
                .writeFieldName("Failures").writeValue(1);
        emit(json);
    }

    private JsonWriter header(String[] dimensions, String[][] metrics) {
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("_aws").writeStartObject()
                .writeFieldName("Timestamp").writeValue(clock.millis())
                .writeFieldName("CloudWatchMetrics").writeStartArray().writeStartObject()
                .writeFieldName("Namespace").writeValue(namespace)
                .writeFieldName("Dimensions").writeStartArray().writeStartArray();
        for (String d : dimensions) {
            json.writeValue(d);
        }
        json.writeEndArray().writeEndArray().writeFieldName("Metrics").writeStartArray();
        for (String[] m : metrics) {
            json.writeStartObject().writeFieldName("Name").writeValue(m[0]).writeFieldName("Unit").writeValue(m[1])
                    .writeEndObject();
        }
        return json.writeEndArray().writeEndObject().writeEndArray().writeEndObject();
    }

    private void emit(JsonWriter json) {
        try {
            out.println(new String(json.writeEndObject().getBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // metrics must never fail the work they describe
        }
    }
}
