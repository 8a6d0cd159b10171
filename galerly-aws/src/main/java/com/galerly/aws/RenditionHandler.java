/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.galerly.aws.internal.lambda.HandlerLog;
import com.galerly.aws.internal.lambda.Json;
import com.galerly.aws.internal.lambda.S3Events;
import com.galerly.core.GalerlyException;
import com.galerly.core.internal.Checks;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Bad images never fail an invocation: they are recorded FAILED and reported as REJECTED outcomes.
 *
 * {@snippet :
 * // Lambda handler string: com.galerly.aws.RenditionHandler::handleRequest (configured from the environment)
 * // or, wired in code:
 * public final class MyHandler extends RenditionHandler {
 *     public MyHandler() { super(bucket -> myPipelineFor(bucket)); }
 * }
 * }
 */
public class RenditionHandler implements RequestStreamHandler {
    private static final JsonNodeParser PARSER = JsonNode.parser();

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
        output.write(handle(input.readAllBytes()));
    }

    /**
     * Handles one invocation's payload and returns the response payload (JSON). Failures are logged (SLF4J,
     * logger {@code com.galerly.aws.RenditionHandler}) and the pipelines' metrics flushed before it returns.
     */
    public byte[] handle(byte[] payload) {
        try {
            return dispatch(payload);
        } catch (RuntimeException e) {
            HandlerLog.failed(null, e);          // unless a record's failure, already logged with its key
            throw e;
        } finally {
            byBucket.values().stream().map(RenditionPipeline::metrics).distinct().forEach(Metrics::flush);
            HandlerLog.end();
        }
    }

    private byte[] dispatch(byte[] payload) {
        JsonNode event = parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        return switch (typeOf(event)) {
            case S3_BATCH -> batch(event);
            case SQS -> sqs(event);
            case S3_NOTIFICATION -> notification(event);
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

    private byte[] notification(JsonNode event) {
        GalerlyException first = null;
        for (ObjectCreated created : S3Events.objectsCreated(event)) {
            try {
                handle(created);
            } catch (GalerlyException e) {
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

    private byte[] sqs(JsonNode event) {
        List<String> failed = new ArrayList<>();
        for (JsonNode message : Json.array(event, "Records")) {
            String messageId = Json.required(message, "messageId");
            HandlerLog.record(messageId);
            try {
                JsonNode body = parse(Json.required(message, "body"));
                if (Json.text(body, "TopicArn").isPresent() && Json.text(body, "Message").isPresent()) {
                    body = parse(Json.required(body, "Message"));       // S3 -> SNS -> SQS
                }
                for (ObjectCreated created : S3Events.objectsCreated(body)) {
                    handle(created);
                }
            } catch (GalerlyException e) {
                HandlerLog.failed(messageId, e);
                if (e.retryable() || !e.code().equals(com.galerly.core.ErrorCode.INVALID_ARGUMENT)) {
                    failed.add(messageId);
                }
                // a message that is not an S3 notification can never succeed: drop it rather than loop
            } catch (RuntimeException e) {
                HandlerLog.failed(messageId, e);
                failed.add(messageId);
            }
        }
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("batchItemFailures").writeStartArray();
        for (String id : failed) {
            json.writeStartObject().writeFieldName("itemIdentifier").writeValue(id).writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    private byte[] batch(JsonNode event) {
        String schema = Json.required(event, "invocationSchemaVersion");
        JsonWriter json = JsonWriter.create().writeStartObject()
                .writeFieldName("invocationSchemaVersion").writeValue(schema)
                .writeFieldName("treatMissingKeysAs").writeValue("PermanentFailure")
                .writeFieldName("invocationId").writeValue(Json.required(event, "invocationId"))
                .writeFieldName("results").writeStartArray();
        for (JsonNode task : Json.array(event, "tasks")) {
            String taskId = Json.required(task, "taskId");
            HandlerLog.record(taskId);
            String code;
            String message;
            try {
                String bucket = Json.text(task, "s3Bucket")
                        .orElseGet(() -> S3Events.bucketOfArn(Json.required(task, "s3BucketArn")));
                String key = S3Events.decodeKey(Json.required(task, "s3Key"));
                Outcome outcome = handle(new ObjectCreated(bucket, key, -1, null,
                        Json.text(task, "s3VersionId").orElse(null), null));
                boolean failed = outcome.kind() == Outcome.Kind.REJECTED || outcome.kind() == Outcome.Kind.MISSING;
                code = failed ? "PermanentFailure" : "Succeeded";
                message = outcome.kind() + (outcome.code() != null ? " " + outcome.code() : "")
                        + (outcome.detail() != null ? ": " + outcome.detail() : "");
            } catch (GalerlyException e) {
                HandlerLog.failed(taskId, e);
                code = e.retryable() ? "TemporaryFailure" : "PermanentFailure";
                message = e.code() + ": " + e.getMessage();
            }
            json.writeStartObject().writeFieldName("taskId").writeValue(taskId)
                    .writeFieldName("resultCode").writeValue(code)
                    .writeFieldName("resultString").writeValue(message).writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    private static JsonNode parse(String json) {
        try {
            return PARSER.parse(json);
        } catch (RuntimeException e) {
            throw GalerlyException.invalid("not JSON: " + e.getMessage());
        }
    }

    private Outcome handle(ObjectCreated created) {
        return HandlerLog.handled(created, () -> byBucket.computeIfAbsent(created.bucket(), pipelines).handle(created));
    }
}
