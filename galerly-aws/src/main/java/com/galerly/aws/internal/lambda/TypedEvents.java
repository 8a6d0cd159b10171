/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.lambda;

import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * Converts aws-lambda-java-events types to the JSON the stream handler reads, and its answers back, so the typed
 * handlers run exactly the stream handler's code (one classification of failures, one log, one set of metrics).
 */
public final class TypedEvents {
    private TypedEvents() {
    }

    /** {@code {"Records":[{"eventSource":"aws:sqs","messageId":...,"body":...}]}}. */
    public static byte[] sqs(SQSEvent event) {
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("Records").writeStartArray();
        for (SQSEvent.SQSMessage m : records(event.getRecords())) {
            json.writeStartObject().writeFieldName("eventSource").writeValue("aws:sqs")
                    .writeFieldName("messageId").writeValue(m.getMessageId() == null ? "" : m.getMessageId())
                    .writeFieldName("body").writeValue(m.getBody() == null ? "" : m.getBody()).writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    public static SQSBatchResponse sqsResponse(byte[] response) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (JsonNode f : Json.array(parse(response), "batchItemFailures")) {
            failures.add(new SQSBatchResponse.BatchItemFailure(Json.required(f, "itemIdentifier")));
        }
        return new SQSBatchResponse(failures);
    }

    /** The notification as S3 sent it (keys still URL-encoded: the stream handler decodes them). */
    public static byte[] s3(S3Event event) {
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("Records").writeStartArray();
        for (S3EventNotification.S3EventNotificationRecord r : records(event.getRecords())) {
            json.writeStartObject().writeFieldName("eventSource").writeValue(nonNull(r.getEventSource(), "aws:s3"))
                    .writeFieldName("eventName").writeValue(nonNull(r.getEventName(), ""))
                    .writeFieldName("s3").writeStartObject();
            if (r.getS3() != null && r.getS3().getBucket() != null) {
                json.writeFieldName("bucket").writeStartObject().writeFieldName("name")
                        .writeValue(nonNull(r.getS3().getBucket().getName(), "")).writeEndObject();
            }
            S3EventNotification.S3ObjectEntity o = r.getS3() == null ? null : r.getS3().getObject();
            if (o != null) {
                json.writeFieldName("object").writeStartObject();
                optional(json, "key", o.getKey());
                if (o.getSizeAsLong() != null) {
                    json.writeFieldName("size").writeValue(o.getSizeAsLong());
                }
                optional(json, "eTag", o.geteTag());
                optional(json, "versionId", o.getVersionId());
                optional(json, "sequencer", o.getSequencer());
                json.writeEndObject();
            }
            json.writeEndObject().writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    /** An S3 Batch Operations 2.0 invocation. */
    public static byte[] batch(S3BatchEventV2 event) {
        JsonWriter json = JsonWriter.create().writeStartObject()
                .writeFieldName("invocationSchemaVersion").writeValue(nonNull(event.getInvocationSchemaVersion(), "2.0"))
                .writeFieldName("invocationId").writeValue(nonNull(event.getInvocationId(), ""))
                .writeFieldName("tasks").writeStartArray();
        for (S3BatchEventV2.Task t : records(event.getTasks())) {
            json.writeStartObject().writeFieldName("taskId").writeValue(nonNull(t.getTaskId(), ""));
            optional(json, "s3Key", t.getS3Key());
            optional(json, "s3VersionId", t.getS3VersionId());
            optional(json, "s3Bucket", t.getS3Bucket());
            json.writeEndObject();
        }
        return json.writeEndArray().writeEndObject().getBytes();
    }

    public static S3BatchResponse batchResponse(byte[] response) {
        JsonNode json = parse(response);
        List<S3BatchResponse.Result> results = new ArrayList<>();
        for (JsonNode r : Json.array(json, "results")) {
            results.add(new S3BatchResponse.Result(Json.required(r, "taskId"),
                    S3BatchResponse.ResultCode.valueOf(Json.required(r, "resultCode")),
                    Json.text(r, "resultString").orElse(null)));
        }
        return new S3BatchResponse(Json.required(json, "invocationSchemaVersion"),
                S3BatchResponse.ResultCode.valueOf(Json.text(json, "treatMissingKeysAs").orElse("PermanentFailure")),
                Json.required(json, "invocationId"), results);
    }

    private static <T> List<T> records(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static void optional(JsonWriter json, String name, String value) {
        if (value != null) {
            json.writeFieldName(name).writeValue(value);
        }
    }

    private static JsonNode parse(byte[] response) {
        return JsonNode.parser().parse(new String(response, StandardCharsets.UTF_8));
    }
}
