/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;

/**
 * One record, message or task {@link RenditionHandler} could not complete, classified the same way whichever event
 * source delivered it:
 *
 * <table>
 *   <caption>What each kind becomes</caption>
 *   <tr><th>kind</th><th>S3 notification</th><th>SQS</th><th>S3 Batch</th></tr>
 *   <tr><td>{@link Kind#UNPARSEABLE}</td><td>skipped</td><td>dropped (not returned: it can never succeed)</td>
 *       <td>PermanentFailure</td></tr>
 *   <tr><td>{@link Kind#RETRY}</td><td>invocation fails (Lambda retries)</td><td>batch item failure</td>
 *       <td>TemporaryFailure</td></tr>
 *   <tr><td>{@link Kind#FAILED}</td><td>invocation fails (Lambda's retries, then its on-failure destination)</td>
 *       <td>batch item failure (redriven, then the dead-letter queue keeps it for a replay after the fix)</td>
 *       <td>PermanentFailure</td></tr>
 * </table>
 *
 * A bad image is not a failure: the pipeline records it FAILED and the event is done (REJECTED).
 *
 * @param kind      how it failed
 * @param messageId the SQS message id or S3 Batch task id, or null for a direct S3 notification
 * @param key       the object key, or null when the event could not be parsed that far
 * @param code      the error code ({@code INVALID_ARGUMENT} for an unparseable event)
 * @param message   what went wrong
 */
public record EventFailure(Kind kind, String messageId, String key, ErrorCode code, String message) {
    /** How an event failed. */
    public enum Kind {
        /** The event could not be read (not JSON, fields missing): no retry can help. */
        UNPARSEABLE,
        /** Processing failed transiently (storage, throttling, a busy photo, an interrupt, too little time left). */
        RETRY,
        /**
         * Processing failed in a way only a fix of the deployment helps (CONFIGURATION, UNAUTHORIZED, INTERNAL, an
         * unexpected S3 answer): the photo stays claimable for a redrive or a backfill.
         */
        FAILED
    }

    /** The classification of a processing failure. */
    static EventFailure of(String messageId, String key, Throwable t) {
        if (t instanceof GalerlyException g) {
            return new EventFailure(g.retryable() ? Kind.RETRY : Kind.FAILED, messageId, key, g.code(), g.getMessage());
        }
        return new EventFailure(Kind.FAILED, messageId, key, ErrorCode.INTERNAL, String.valueOf(t));
    }

    /** The classification of an event that could not be parsed. */
    static EventFailure unparseable(String messageId, Throwable t) {
        return new EventFailure(Kind.UNPARSEABLE, messageId, null, ErrorCode.INVALID_ARGUMENT, t.getMessage());
    }

    @Override
    public String toString() {
        return kind + " " + code + (messageId != null ? " message " + messageId : "") + (key != null ? " key " + key : "")
                + ": " + message;
    }
}
