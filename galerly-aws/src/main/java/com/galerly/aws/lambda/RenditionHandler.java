/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.galerly.aws.internal.Json;
import com.galerly.aws.internal.lambda.HandlerLog;
import com.galerly.aws.internal.lambda.S3Events;
import com.galerly.core.GalerlyException;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.spi.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Lambda function that renders originals. One handler accepts the three ways S3 objects reach it:
 *
 * <ul>
 *   <li><b>S3 event notifications</b> (direct): every ObjectCreated record is handled; if any failed with a
 *       retryable error the invocation fails after the others were handled, so Lambda retries it (records
 *       already done are then DUPLICATE);</li>
 *   <li><b>SQS</b> (S3 -> SQS, or S3 -> SNS -> SQS): returns {@code {"batchItemFailures":[...]}} naming only the
 *       messages whose records failed transiently (enable ReportBatchItemFailures on the event source mapping);</li>
 *   <li><b>S3 Batch Operations</b> (backfill), schema 1.0 and 2.0: one result per task, {@code Succeeded},
 *       {@code TemporaryFailure} (retried by S3) or {@code PermanentFailure} (a bad image, a missing object).</li>
 * </ul>
 *
 * Bad images never fail an invocation: they are recorded FAILED and reported as REJECTED outcomes. Every other
 * failure is classified once, the same for the three sources ({@link EventFailure}): an event that cannot be parsed
 * is never retried; a transient failure is retried; a failure only a fix helps (a missing codec, denied access, a
 * bug) is reported as failed so the event source keeps it for a replay. Each photo is rendered by the invocation's
 * remaining time less a margin (a tenth of it, at least {@link #MIN_MARGIN}).
 *
 * <pre>{@code
 * // Lambda handler string: com.galerly.aws.lambda.RenditionHandler::handleRequest (configured from the environment)
 * // or, wired in code:
 * public final class MyHandler extends RenditionHandler {
 *     public MyHandler() { super(bucket -> myPipelineFor(bucket)); }
 * }
 * }</pre>
 */
public class RenditionHandler implements RequestStreamHandler {
    /** The least time kept, after a photo's deadline, for writing its results before the invocation ends. */
    static final java.time.Duration MIN_MARGIN = java.time.Duration.ofSeconds(2);

    private final Function<String, RenditionPipeline> pipelines;
    private final Map<String, RenditionPipeline> byBucket = new ConcurrentHashMap<>();

    /** Configured from environment variables; see {@link LambdaSettings}. */
    public RenditionHandler() {
        this(LambdaWiring.fromEnvironment());
    }

    /** With a pipeline per bucket, made on first use and kept for the life of the function instance. */
    public RenditionHandler(Function<String, RenditionPipeline> pipelineForBucket) {
        this.pipelines = Checks.notNull(pipelineForBucket, "pipelineForBucket");
    }

    /** One pipeline for every bucket. */
    public static RenditionHandler of(RenditionPipeline pipeline) {
        Checks.notNull(pipeline, "pipeline");
        return new RenditionHandler(bucket -> pipeline);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(invoke(input.readAllBytes(), context));
    }

    /**
     * One invocation of any of the handlers (this one, {@link S3RenditionHandler}, {@link SqsRenditionHandler},
     * {@link S3BatchRenditionHandler}): logs its request id, and gives each photo the invocation's remaining time less
     * a margin (a tenth, at least {@link #MIN_MARGIN}) for writing its results.
     */
    byte[] invoke(byte[] payload, Context context) {
        HandlerLog.invocation(context == null ? null : context.getAwsRequestId());
        Instant deadline = null;
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            long remaining = context.getRemainingTimeInMillis();
            long margin = Math.max(MIN_MARGIN.toMillis(), remaining / 10);
            deadline = Instant.now().plusMillis(remaining - margin);
        }
        return handle(payload, deadline);
    }

    /**
     * Handles one invocation's payload and returns the response payload (JSON). Failures are logged (SLF4J,
     * logger {@code com.galerly.aws.lambda.RenditionHandler}) and the pipelines' metrics flushed before it returns.
     */
    public byte[] handle(byte[] payload) {
        return handle(payload, null);
    }

    /**
     * As {@link #handle(byte[])}, rendering each photo by {@code deadline} (the invocation's remaining time less
     * a margin for writing the results; null: the processor's own time limit). A photo stopped by it is retried.
     */
    public byte[] handle(byte[] payload, Instant deadline) {
        try {
            return dispatch(payload, deadline);
        } catch (RuntimeException e) {
            HandlerLog.failed(null, e);          // unless a record's failure, already logged with its key
            throw e;
        } finally {
            byBucket.values().stream().map(RenditionPipeline::metrics).distinct().forEach(Metrics::flush);
            HandlerLog.end();
        }
    }

    private byte[] dispatch(byte[] payload, Instant deadline) {
        String json = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        Object event = Json.parse(json);
        return switch (typeOf(event)) {
            case S3_BATCH -> batch(event, deadline);
            case SQS -> sqs(event, deadline);
            case S3_NOTIFICATION -> notification(json, deadline);
        };
    }

    /** Which kind of event a payload is; INVALID_ARGUMENT when it is none of the three (or not JSON). */
    public static EventType typeOf(String eventJson) {
        return typeOf(Json.parse(eventJson));
    }

    private static EventType typeOf(Object event) {
        if (Json.text(event, "invocationSchemaVersion").isPresent()) {
            return EventType.S3_BATCH;
        }
        List<?> records = Json.array(event, "Records");
        if (!records.isEmpty() && Json.text(records.get(0), "eventSource").orElse("").equals("aws:sqs")) {
            return EventType.SQS;
        }
        if (!records.isEmpty() || Json.text(event, "Event").orElse("").equals("s3:TestEvent")) {
            return EventType.S3_NOTIFICATION;
        }
        throw GalerlyException.invalid("not an S3 notification, SQS or S3 Batch Operations event");
    }

    /**
     * Called for every record, message or task that could not be completed, with its classification (message
     * id, key, code), after the failure was logged; the default does nothing. Override to count failures.
     */
    protected void failed(EventFailure failure) {
    }

    private byte[] notification(String event, Instant deadline) {
        List<ObjectCreated> created;
        try {
            created = S3Events.objectsCreated(event);
        } catch (RuntimeException e) {
            unparseable(null, e);
            return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        GalerlyException first = null;
        for (ObjectCreated c : created) {
            EventFailure failure = process(null, c, deadline);
            if (failure != null) {
                GalerlyException e = new GalerlyException(failure.code(), failure.message(), null,
                        failure.kind() == EventFailure.Kind.RETRY);
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] sqs(Object event, Instant deadline) {
        List<String> failedIds = new ArrayList<>();
        for (Object message : Json.array(event, "Records")) {
            String messageId = Json.text(message, "messageId").orElse(null);
            HandlerLog.record(messageId);
            List<ObjectCreated> created;
            try {
                String body = Json.required(message, "body");
                Object parsed = Json.parse(body);
                if (Json.text(parsed, "TopicArn").isPresent() && Json.text(parsed, "Message").isPresent()) {
                    body = Json.required(parsed, "Message");                // S3 -> SNS -> SQS
                }
                created = S3Events.objectsCreated(body);
            } catch (RuntimeException e) {
                unparseable(messageId, e);       // can never succeed: dropped, not looped
                continue;
            }
            boolean messageFailed = false;
            for (ObjectCreated c : created) {
                messageFailed |= process(messageId, c, deadline) != null;
            }
            if (messageFailed && messageId != null) {
                failedIds.add(messageId);
            }
        }
        List<Map<String, String>> failures = new ArrayList<>();
        for (String id : failedIds) {
            failures.add(Map.of("itemIdentifier", id));
        }
        return Json.write(Map.of("batchItemFailures", failures));
    }

    private byte[] batch(Object event, Instant deadline) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("invocationSchemaVersion", Json.required(event, "invocationSchemaVersion"));
        response.put("treatMissingKeysAs", "PermanentFailure");
        response.put("invocationId", Json.required(event, "invocationId"));
        List<Map<String, String>> results = new ArrayList<>();
        response.put("results", results);
        for (Object task : Json.array(event, "tasks")) {
            String taskId = Json.text(task, "taskId").orElse("");
            HandlerLog.record(taskId);
            String code;
            String message;
            ObjectCreated created;
            try {
                String bucket = Json.text(task, "s3Bucket")
                        .orElseGet(() -> S3Events.bucketOfArn(Json.required(task, "s3BucketArn")));
                String key = S3Events.decodeKey(Json.required(task, "s3Key"));
                created = new ObjectCreated(bucket, key, -1, null, Json.text(task, "s3VersionId").orElse(null), null);
            } catch (RuntimeException e) {
                EventFailure failure = unparseable(taskId, e);
                results.add(taskResult(taskId, "PermanentFailure", "UNPARSEABLE: " + failure.message()));
                continue;
            }
            Outcome[] outcome = new Outcome[1];
            EventFailure failure = process(taskId, created, deadline, outcome);
            if (failure == null) {
                boolean permanent = outcome[0].kind() == Outcome.Kind.REJECTED
                        || outcome[0].kind() == Outcome.Kind.MISSING;
                code = permanent ? "PermanentFailure" : "Succeeded";
                message = outcome[0].kind() + (outcome[0].code() != null ? " " + outcome[0].code() : "")
                        + (outcome[0].detail() != null ? ": " + outcome[0].detail() : "");
            } else {
                code = failure.kind() == EventFailure.Kind.RETRY ? "TemporaryFailure" : "PermanentFailure";
                message = failure.code() + ": " + failure.message();
            }
            results.add(taskResult(taskId, code, message));
        }
        return Json.write(response);
    }

    private static Map<String, String> taskResult(String taskId, String code, String message) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("taskId", taskId);
        result.put("resultCode", code);
        result.put("resultString", message);
        return result;
    }

    /** Processes one object; null when done (whatever the outcome), else the classified failure (reported). */
    private EventFailure process(String messageId, ObjectCreated created, Instant deadline) {
        return process(messageId, created, deadline, new Outcome[1]);
    }

    private EventFailure process(String messageId, ObjectCreated created, Instant deadline, Outcome[] outcome) {
        try {
            outcome[0] = HandlerLog.handled(created,
                    () -> byBucket.computeIfAbsent(created.bucket(), pipelines).handle(created, deadline));
            return null;
        } catch (RuntimeException | LinkageError e) {
            EventFailure failure = EventFailure.of(messageId, created.key(), e);
            failed(failure);
            return failure;
        }
    }

    /** A message or task that is not a valid event: logged, reported, never retried. */
    private EventFailure unparseable(String id, RuntimeException e) {
        HandlerLog.failed(id, e);
        EventFailure failure = EventFailure.unparseable(id, e);
        failed(failure);
        return failure;
    }
}
