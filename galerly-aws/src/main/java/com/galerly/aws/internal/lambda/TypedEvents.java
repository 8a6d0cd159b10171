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
import com.galerly.aws.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts aws-lambda-java-events types to the JSON the stream handler reads, and its answers back, so the typed
 * handlers run exactly the stream handler's code (one classification of failures, one log, one set of metrics).
 */
public final class TypedEvents {
    private TypedEvents() {
    }

    /** {@code {"Records":[{"eventSource":"aws:sqs","messageId":...,"body":...}]}}. */
    public static byte[] sqs(SQSEvent event) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (SQSEvent.SQSMessage m : records(event.getRecords())) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("eventSource", "aws:sqs");
            record.put("messageId", nonNull(m.getMessageId(), ""));
            record.put("body", nonNull(m.getBody(), ""));
            records.add(record);
        }
        return Json.write(Map.of("Records", records));
    }

    public static SQSBatchResponse sqsResponse(byte[] response) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (Object f : Json.array(parse(response), "batchItemFailures")) {
            failures.add(new SQSBatchResponse.BatchItemFailure(Json.required(f, "itemIdentifier")));
        }
        return new SQSBatchResponse(failures);
    }

    /** The notification as S3 sent it (keys still URL-encoded: the stream handler decodes them). */
    public static byte[] s3(S3Event event) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (S3EventNotification.S3EventNotificationRecord r : records(event.getRecords())) {
            Map<String, Object> s3 = new LinkedHashMap<>();
            if (r.getS3() != null && r.getS3().getBucket() != null) {
                s3.put("bucket", Map.of("name", nonNull(r.getS3().getBucket().getName(), "")));
            }
            S3EventNotification.S3ObjectEntity o = r.getS3() == null ? null : r.getS3().getObject();
            if (o != null) {
                Map<String, Object> object = new LinkedHashMap<>();
                optional(object, "key", o.getKey());
                optional(object, "size", o.getSizeAsLong());
                optional(object, "eTag", o.geteTag());
                optional(object, "versionId", o.getVersionId());
                optional(object, "sequencer", o.getSequencer());
                s3.put("object", object);
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("eventSource", nonNull(r.getEventSource(), "aws:s3"));
            record.put("eventName", nonNull(r.getEventName(), ""));
            record.put("s3", s3);
            records.add(record);
        }
        return Json.write(Map.of("Records", records));
    }

    /** An S3 Batch Operations 2.0 invocation. */
    public static byte[] batch(S3BatchEventV2 event) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (S3BatchEventV2.Task t : records(event.getTasks())) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("taskId", nonNull(t.getTaskId(), ""));
            optional(task, "s3Key", t.getS3Key());
            optional(task, "s3VersionId", t.getS3VersionId());
            optional(task, "s3Bucket", t.getS3Bucket());
            tasks.add(task);
        }
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("invocationSchemaVersion", nonNull(event.getInvocationSchemaVersion(), "2.0"));
        invocation.put("invocationId", nonNull(event.getInvocationId(), ""));
        invocation.put("tasks", tasks);
        return Json.write(invocation);
    }

    public static S3BatchResponse batchResponse(byte[] response) {
        Object json = parse(response);
        List<S3BatchResponse.Result> results = new ArrayList<>();
        for (Object r : Json.array(json, "results")) {
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

    private static void optional(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static Object parse(byte[] response) {
        return Json.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
    }
}
