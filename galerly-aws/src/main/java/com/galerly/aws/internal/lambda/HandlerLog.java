/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.lambda;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The rendition handlers' log lines, through SLF4J (logger {@code com.galerly.aws.lambda.RenditionHandler}). Every
 * failure is logged once, with the message or task id, bucket, key, error code and cause: WARN when the event
 * source retries it, ERROR when it does not (or when it is not a {@link GalerlyException}); a REJECTED photo at
 * WARN. A message that cannot be parsed as an event is one ERROR line without a stack trace. The Lambda request id and the record id are also put in the MDC ({@code AWSRequestId},
 * {@code galerly.record}) for JSON layouts. Only ids, bucket, key, codes and messages are logged: never a
 * payload, a URL with a signature or a credential.
 */
public final class HandlerLog {
    /** The logger every line goes to. */
    public static final Logger LOG = LoggerFactory.getLogger("com.galerly.aws.lambda.RenditionHandler");
    /** MDC key of the Lambda request id. */
    public static final String REQUEST_ID = "AWSRequestId";
    /** MDC key of the SQS message id or S3 Batch Operations task id being handled. */
    public static final String RECORD_ID = "galerly.record";

    private static final ThreadLocal<String> RECORD = new ThreadLocal<>();
    private static final ThreadLocal<Set<Throwable>> LOGGED =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private HandlerLog() {
    }

    /** The start of an invocation. */
    public static void invocation(String requestId) {
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
    }

    /** The SQS message or S3 Batch Operations task now being handled. */
    public static void record(String id) {
        RECORD.set(id);
        if (id != null) {
            MDC.put(RECORD_ID, id);
        } else {
            MDC.remove(RECORD_ID);
        }
    }

    /** Runs the pipeline on one object and logs what went wrong (once). */
    public static Outcome handled(ObjectCreated created, Supplier<Outcome> pipeline) {
        Outcome outcome;
        try {
            outcome = pipeline.get();
        } catch (RuntimeException | Error e) {
            log(created.bucket(), created.key(), e);
            throw e;
        }
        if (outcome.kind() == Outcome.Kind.REJECTED) {
            LOG.warn("photo rejected: record {} bucket {} key {} code {}: {}", recordId(), created.bucket(),
                    created.key(), outcome.code(), outcome.detail());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}: record {} bucket {} key {}: {}", outcome.kind(), recordId(), created.bucket(),
                    created.key(), outcome.detail());
        }
        return outcome;
    }

    /** A failure of the record being handled that happened outside the pipeline (a bad message), unless already logged. */
    public static void failed(String recordId, Throwable e) {
        if (!LOGGED.get().contains(e)) {
            record(recordId);
            log(null, null, e);
        }
    }

    /** The end of an invocation: forgets the ids. */
    public static void end() {
        RECORD.remove();
        LOGGED.remove();
        MDC.remove(RECORD_ID);
        MDC.remove(REQUEST_ID);
    }

    private static void log(String bucketOrNull, String keyOrNull, Throwable e) {
        LOGGED.get().add(e);
        String bucket = bucketOrNull == null ? "-" : bucketOrNull;
        String key = keyOrNull == null ? "-" : keyOrNull;
        if (e instanceof GalerlyException g) {
            String line = "rendition failed: record {} bucket {} key {} code {} ({}): {}";
            // a message that is not an event of ours: its parse error says all there is; a stack trace per bad
            // message would let a flood of them flood the logs too (fuzzing the parsers wrote 19 KB per message)
            boolean unparsed = g.code() == ErrorCode.INVALID_ARGUMENT && bucketOrNull == null;
            Object[] args = unparsed
                    ? new Object[] {recordId(), bucket, key, g.code(), "not retryable", g.getMessage()}
                    : new Object[] {recordId(), bucket, key, g.code(), g.retryable() ? "retryable" : "not retryable",
                    g.getMessage(), e};
            if (g.retryable()) {
                LOG.warn(line, args);
            } else {
                LOG.error(line, args);
            }
        } else {
            LOG.error("rendition failed: record {} bucket {} key {} code {}: {}", recordId(), bucket, key,
                    "INTERNAL", e.toString(), e);
        }
    }

    private static String recordId() {
        String id = RECORD.get();
        return id == null ? "-" : id;
    }
}
