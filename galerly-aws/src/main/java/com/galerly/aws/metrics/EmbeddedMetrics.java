/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.metrics;

import com.galerly.aws.internal.Json;
import com.galerly.core.ErrorCode;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.spi.Checks;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link Metrics} as CloudWatch Embedded Metric Format (EMF): JSON lines on standard output, which Lambda ships
 * to CloudWatch Logs and CloudWatch turns into metrics, with no API call and no extra dependency.
 *
 * <p>Every metric carries the dimensions {@code Service} and (on Lambda) {@code FunctionName}:
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><th>metric</th><th>unit</th><th>extra dimensions</th><th>when</th></tr>
 *   <tr><td>{@code Photos}, {@code Duration}, {@code BytesIn}, {@code BytesOut}</td><td>Count, Milliseconds,
 *       Bytes, Bytes</td><td>{@code Outcome} (PROCESSED, DUPLICATE, ..., REJECTED) and, for REJECTED,
 *       {@code ErrorCode}</td><td>per handled event</td></tr>
 *   <tr><td>{@code Failures}</td><td>Count</td><td>{@code ErrorCode}</td><td>per failed attempt (retried by the
 *       event source)</td></tr>
 *   <tr><td>{@code CheckTime}, {@code RenderTime}, {@code StoreTime}, {@code RecordTime}, and inside RenderTime {@code DecodeTime}, {@code ResizeTime}, {@code EncodeTime} (see {@link com.galerly.core.image.RenderTimes})</td><td>Milliseconds</td>
 *       <td>none</td><td>per {@link Stage} of a processed photo</td></tr>
 *   <tr><td>{@code ColdStart}</td><td>Count</td><td>none</td><td>once per function instance</td></tr>
 * </table>
 *
 * <p>Values are batched: one document per set of dimension values, each metric's values as an array, written
 * by {@link #flush()} (the handlers call it after every invocation) or when a metric already holds 100 values
 * (EMF's limits: 100 metrics per directive, 100 values per metric, 30 dimensions per set).
 *
 * <pre>{@code
 * Metrics metrics = EmbeddedMetrics.builder().namespace("Galerly").service("photos")
 *     .functionName(System.getenv("AWS_LAMBDA_FUNCTION_NAME")).build();
 * }</pre>
 */
public final class EmbeddedMetrics implements Metrics {
    /** EMF: at most 100 metric definitions in one directive. */
    static final int MAX_METRICS_PER_DOCUMENT = 100;
    /** EMF: at most 100 values in one metric's array. */
    static final int MAX_VALUES_PER_METRIC = 100;
    /** The units CloudWatch accepts. */
    static final java.util.Set<String> UNITS = java.util.Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes",
            "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits",
            "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second",
            "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
            "Terabits/Second", "Count/Second", "None");
    /** The whole JVM is one Lambda instance: its first flush reports the cold start. */
    private static final AtomicBoolean INSTANCE_COLD = new AtomicBoolean(true);

    private final String namespace;
    private final String service;
    private final String functionName;
    private final PrintStream out;
    private final Clock clock;
    private final AtomicBoolean cold;
    /** Dimension values (in order) -> metric name -> values. */
    private final Map<Map<String, String>, Map<String, Series>> pending = new LinkedHashMap<>();

    /** EMF in {@code namespace} with the dimension {@code Service} = namespace, written to {@code out}. */
    public EmbeddedMetrics(String namespace, PrintStream out, Clock clock) {
        this(builder().namespace(namespace).out(out).clock(clock));
    }

    private EmbeddedMetrics(Builder b) {
        this.namespace = b.namespace;
        this.service = b.service != null ? b.service : b.namespace;
        this.functionName = b.functionName;
        this.out = b.out;
        this.clock = b.clock;
        this.cold = b.cold;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
        Map<String, String> dims = dimensions();
        dims.put("Outcome", outcome.kind().name());
        if (outcome.code() != null) {
            dims.put("ErrorCode", outcome.code().name());
        }
        synchronized (pending) {
            add(dims, "Photos", "Count", 1);
            add(dims, "Duration", "Milliseconds", elapsed.toMillis());
            add(dims, "BytesIn", "Bytes", bytesIn);
            add(dims, "BytesOut", "Bytes", bytesOut);
        }
    }

    @Override
    public void attemptFailed(ErrorCode code, boolean retryable) {
        Map<String, String> dims = dimensions();
        dims.put("ErrorCode", code.name());
        synchronized (pending) {
            add(dims, "Failures", "Count", 1);
        }
    }

    @Override
    public void stageCompleted(Stage stage, Duration elapsed) {
        String name = Character.toUpperCase(stage.id().charAt(0)) + stage.id().substring(1) + "Time";
        synchronized (pending) {
            add(dimensions(), name, "Milliseconds", elapsed.toMillis());
        }
    }

    /**
     * Records a metric of the application's own in the same stream, with the {@code Service} and
     * {@code FunctionName} dimensions.
     *
     * @param name  the metric name, 1..255 characters, not one of Galerly's
     * @param unit  a CloudWatch unit ({@code Count}, {@code Milliseconds}, {@code Bytes}, {@code Percent},
     *              {@code None}, ...)
     * @param value the value
     */
    public void metric(String name, String unit, double value) {
        Checks.notBlank(name, "name");
        if (name.length() > 255 || name.startsWith("_")) {
            throw new IllegalArgumentException("name must be 1..255 characters not starting with '_', was " + name);
        }
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("unit must be a CloudWatch unit " + UNITS + ", was " + unit);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, was " + value);
        }
        synchronized (pending) {
            add(dimensions(), name, unit, value);
        }
    }

    /** Writes every pending value (and, once per function instance, {@code ColdStart}). */
    @Override
    public void flush() {
        synchronized (pending) {
            if (cold.compareAndSet(true, false)) {
                add(dimensions(), "ColdStart", "Count", 1);
            }
            List<Map<String, String>> groups = new ArrayList<>(pending.keySet());
            for (Map<String, String> dims : groups) {
                write(dims, pending.remove(dims));
            }
        }
    }

    private Map<String, String> dimensions() {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", service);
        if (functionName != null) {
            dims.put("FunctionName", functionName);
        }
        return dims;
    }

    private void add(Map<String, String> dims, String metric, String unit, double value) {
        Map<String, Series> group = pending.get(dims);
        if (group != null && group.containsKey(metric) && group.get(metric).values.size() >= MAX_VALUES_PER_METRIC) {
            write(dims, pending.remove(dims));       // full: written before the value, so an event's values stay together
        }
        pending.computeIfAbsent(dims, d -> new LinkedHashMap<>()).computeIfAbsent(metric, m -> new Series(unit))
                .values.add(value);
    }

    /** One document per 100 metrics of a group. */
    private void write(Map<String, String> dims, Map<String, Series> metrics) {
        List<Map.Entry<String, Series>> all = new ArrayList<>(metrics.entrySet());
        for (int from = 0; from < all.size(); from += MAX_METRICS_PER_DOCUMENT) {
            List<Map.Entry<String, Series>> chunk = all.subList(from, Math.min(all.size(), from + MAX_METRICS_PER_DOCUMENT));
            Map<String, Object> document = new LinkedHashMap<>();
            List<Map<String, String>> definitions = new ArrayList<>();
            for (Map.Entry<String, Series> m : chunk) {
                definitions.add(Map.of("Name", m.getKey(), "Unit", m.getValue().unit));
            }
            Map<String, Object> directive = new LinkedHashMap<>();
            directive.put("Namespace", namespace);
            directive.put("Dimensions", List.of(List.copyOf(dims.keySet())));
            directive.put("Metrics", definitions);
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("Timestamp", clock.millis());
            aws.put("CloudWatchMetrics", List.of(directive));
            document.put("_aws", aws);
            document.putAll(dims);
            for (Map.Entry<String, Series> m : chunk) {
                List<Double> values = m.getValue().values;
                document.put(m.getKey(), values.size() == 1 ? number(values.get(0))
                        : values.stream().map(EmbeddedMetrics::number).toList());
            }
            emit(document);
        }
    }

    /** Whole numbers are written without a fraction ({@code 3}, not {@code 3.0}). */
    private static Number number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return value;
    }

    private void emit(Map<String, Object> document) {
        try {
            out.println(new String(Json.write(document), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // metrics must never fail the work they describe
        }
    }

    private static final class Series {
        final String unit;
        final List<Double> values = new ArrayList<>();

        Series(String unit) {
            this.unit = unit;
        }
    }

    /** Builds {@link EmbeddedMetrics}; only the namespace is required. */
    public static final class Builder {
        private String namespace;
        private String service;
        private String functionName;
        private PrintStream out = System.out;
        private Clock clock = Clock.systemUTC();
        private AtomicBoolean cold = INSTANCE_COLD;

        private Builder() {
        }

        /** The CloudWatch namespace, e.g. {@code Galerly}. */
        public Builder namespace(String namespace) {
            this.namespace = Checks.notBlank(namespace, "namespace");
            return this;
        }

        /** The {@code Service} dimension (default: the namespace). */
        public Builder service(String service) {
            this.service = Checks.notBlank(service, "service");
            return this;
        }

        /** The {@code FunctionName} dimension, e.g. {@code AWS_LAMBDA_FUNCTION_NAME}; null leaves it out. */
        public Builder functionName(String functionName) {
            this.functionName = functionName == null || functionName.isBlank() ? null : functionName;
            return this;
        }

        /** Where documents are written (default standard output, which Lambda sends to CloudWatch Logs). */
        public Builder out(PrintStream out) {
            this.out = Checks.notNull(out, "out");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * Whether this instance reports {@code ColdStart} on its first flush. By default the first
         * {@code EmbeddedMetrics} of the JVM to flush does (a Lambda instance is one JVM).
         */
        public Builder coldStart(boolean coldStart) {
            this.cold = new AtomicBoolean(coldStart);
            return this;
        }

        public EmbeddedMetrics build() {
            if (namespace == null) {
                throw new IllegalStateException("namespace is required");
            }
            return new EmbeddedMetrics(this);
        }
    }
}
