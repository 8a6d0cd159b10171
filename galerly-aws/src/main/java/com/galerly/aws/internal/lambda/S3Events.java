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
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;

/** Reads S3 event notifications (through the SDK's s3-event-notifications): ObjectCreated records with URL-decoded keys. */
public final class S3Events {
    private S3Events() {
    }

    /**
     * The ObjectCreated records of a notification's JSON, read by the SDK's {@code s3-event-notifications}
     * (other events are skipped; keys are URL-decoded the way S3 encodes them).
     */
    public static List<ObjectCreated> objectsCreated(String json) {
        S3EventNotification notification;
        try {
            notification = S3EventNotification.fromJson(json);
        } catch (RuntimeException e) {
            throw GalerlyException.invalid("not an S3 event notification: " + e.getMessage());
        }
        List<ObjectCreated> created = new ArrayList<>();
        if (notification.getRecords() == null) {
            return created;                                         // s3:TestEvent
        }
        for (S3EventNotificationRecord record : notification.getRecords()) {
            String name = record.getEventName() == null ? "" : record.getEventName();
            if (!name.startsWith("ObjectCreated:")) {
                continue;
            }
            if (record.getS3() == null || record.getS3().getBucket() == null || record.getS3().getObject() == null
                    || record.getS3().getBucket().getName() == null || record.getS3().getObject().getKey() == null) {
                throw GalerlyException.invalid("ObjectCreated record without s3.bucket.name or s3.object.key");
            }
            S3Object object = record.getS3().getObject();
            Long size = object.getSizeAsLong();
            created.add(new ObjectCreated(record.getS3().getBucket().getName(), decodeKey(object.getKey()),
                    size == null ? -1 : size, object.getETag(), object.getVersionId(), object.getSequencer()));
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
