/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.galerly.aws.internal.lambda.HandlerLog;
import com.galerly.aws.internal.lambda.Json;
import com.galerly.aws.internal.lambda.S3Events;
import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

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
    private static final JsonNodeParser PARSER = JsonNode.parser();
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
        HandlerLog.invocation(context == null ? null : context.getAwsRequestId());
        Instant deadline = null;
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            long remaining = context.getRemainingTimeInMillis();
            long margin = Math.max(MIN_MARGIN.toMillis(), remaining / 10);
            deadline = Instant.now().plusMillis(remaining - margin);
        }
        output.write(handle(input.readAllBytes(), deadline));
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
        JsonNode event = parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        return switch (typeOf(event)) {
            case S3_BATCH -> batch(event, deadline);
            case SQS -> sqs(event, deadline);
            case S3_NOTIFICATION -> notification(event, deadline);
        };
    }

    /** Which kind of event a payload is. */
    public static EventType typeOf(JsonNode event) {
        if (Json.text(event, "invocationSchemaVersion").isPresent()) {
            return EventType.S3_BATCH;
        }
        List<JsonNode> records = Json.array(event, "Records");
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

    private byte[] notification(JsonNode event, Instant deadline) {
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

    private byte[] sqs(JsonNode event, Instant deadline) {
        List<String> failedIds = new ArrayList<>();
        for (JsonNode message : Json.array(event, "Records")) {
            String messageId = Json.text(message, "messageId").orElse(null);
            HandlerLog.record(messageId);
            List<ObjectCreated> created;
            try {
                JsonNode body = parse(Json.required(message, "body"));
                if (Json.text(body, "TopicArn").isPresent() && Json.text(body, "Message").isPresent()) {
                    body = parse(Json.required(body, "Message"));       // S3 -> SNS -> SQS
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
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("batchItemFailures").writeStartArray();
        for (String id : failedIds) {
            json.writeStartObject().writeFieldName("itemIdentifier").writeValue(id).writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    private byte[] batch(JsonNode event, Instant deadline) {
        String schema = Json.required(event, "invocationSchemaVersion");
        JsonWriter json = JsonWriter.create().writeStartObject()
                .writeFieldName("invocationSchemaVersion").writeValue(schema)
                .writeFieldName("treatMissingKeysAs").writeValue("PermanentFailure")
                .writeFieldName("invocationId").writeValue(Json.required(event, "invocationId"))
                .writeFieldName("results").writeStartArray();
        for (JsonNode task : Json.array(event, "tasks")) {
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
                json.writeStartObject().writeFieldName("taskId").writeValue(taskId)
                        .writeFieldName("resultCode").writeValue("PermanentFailure")
                        .writeFieldName("resultString").writeValue("UNPARSEABLE: " + failure.message()).writeEndObject();
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
            json.writeStartObject().writeFieldName("taskId").writeValue(taskId)
                    .writeFieldName("resultCode").writeValue(code)
                    .writeFieldName("resultString").writeValue(message).writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
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

    private static JsonNode parse(String json) {
        JsonNode node;
        try {
            node = PARSER.parse(json);
        } catch (RuntimeException e) {
            throw GalerlyException.invalid("not JSON: " + e.getMessage());
        }
        if (node == null) {
            throw GalerlyException.invalid("not JSON: empty");          // found by EventsFuzzTest (empty payload)
        }
        return node;
    }
}
