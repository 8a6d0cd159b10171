/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays S3's event notification for the local server, which has none: watches the trigger prefix and, for each
 * object that appeared or changed, hands the {@link RenditionHandler} the notification S3 would send (keys
 * form-encoded, eTag, increasing sequencer). Delivery is at least once, as S3's is: the handler dedupes.
 */
final class StorageEvents implements AutoCloseable {
    private final BlobStore blobs;
    private final String prefix;
    private final RenditionHandler handler;
    private final Consumer<String> log;
    private final Map<String, String> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "galerly-s3-events");
        t.setDaemon(true);
        return t;
    });
    private long sequencer = 0x0070A1B2C3D4E5F6L;

    StorageEvents(BlobStore blobs, String prefix, RenditionHandler handler, Consumer<String> log) {
        this.blobs = blobs;
        this.prefix = prefix;
        this.handler = handler;
        this.log = log;
        timer.scheduleWithFixedDelay(this::poll, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Notifies every new or changed object under the prefix now. */
    synchronized void poll() {
        try {
            for (String key : blobs.list(prefix)) {
                BlobMetadata head = blobs.head(key).orElse(null);
                if (head == null || head.eTag().equals(seen.get(key))) {
                    continue;
                }
                String event = DemoRun.s3Notification(key, head.size(), head.eTag(), null, Long.toHexString(sequencer += 7));
                String response = new String(handler.handle(event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                seen.put(key, head.eTag());
                log.accept("s3:ObjectCreated " + key + " -> rendition handler " + response);
            }
        } catch (RuntimeException e) {
            // not marked seen: the next tick delivers again (as S3 + SQS redeliver)
            log.accept("event delivery failed, retrying: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
