/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.lambda;

import com.galerly.core.GalerlyException;
import com.galerly.core.pipeline.ObjectCreated;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Reads S3 event notifications: ObjectCreated records with URL-decoded keys; other events are skipped. */
public final class S3Events {
    private S3Events() {
    }

    /** The ObjectCreated records of a notification ({@code {"Records":[...]}}); a test event has none. */
    public static List<ObjectCreated> objectsCreated(JsonNode notification) {
        List<ObjectCreated> created = new ArrayList<>();
        for (JsonNode record : Json.array(notification, "Records")) {
            String name = Json.text(record, "eventName").orElse("");
            if (!name.startsWith("ObjectCreated:")) {
                continue;
            }
            created.add(new ObjectCreated(
                    Json.required(record, "s3", "bucket", "name"),
                    decodeKey(Json.required(record, "s3", "object", "key")),
                    Json.number(record, -1, "s3", "object", "size"),
                    Json.text(record, "s3", "object", "eTag").orElse(null),
                    Json.text(record, "s3", "object", "versionId").orElse(null),
                    Json.text(record, "s3", "object", "sequencer").orElse(null)));
        }
        return created;
    }

    /** S3 sends keys form-encoded: '+' is a space, and %XX escapes the rest. */
    public static String decodeKey(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GalerlyException.invalid("malformed URL-encoded key in event: " + e.getMessage());
        }
    }

    /** The bucket name of an ARN such as {@code arn:aws:s3:::my-bucket}. */
    public static String bucketOfArn(String arn) {
        int at = arn.lastIndexOf(':');
        if (!arn.startsWith("arn:") || at < 0 || at == arn.length() - 1) {
            throw GalerlyException.invalid("not an S3 bucket ARN: " + arn);
        }
        return arn.substring(at + 1);
    }
}
