/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.Fault;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.logging.LogCapture;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** What the rendition handler logs when things go wrong, and that no secret is ever in it. */
class HandlerLoggingTest {
    private static final String BUCKET = "log-photos";
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket(BUCKET).build();

    private final TestClock clock = TestClock.at(java.time.Instant.now());
    private final KeyLayout layout = KeyLayout.standard();
    private final PhotoId.Generator ids = PhotoId.generator(clock);

    private static String notification(String bucket, String key, long size, String eTag) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"01"}}}]}"""
                .formatted(bucket, URLEncoder.encode(key, StandardCharsets.UTF_8), size, eTag);
    }

    private static String message(String messageId, String body) {
        return "{\"messageId\":\"" + messageId + "\",\"eventSource\":\"aws:sqs\",\"body\":\""
                + body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    private static String sqs(String... messages) {
        return "{\"Records\":[" + String.join(",", messages) + "]}";
    }

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getRemainingTimeInMillis" -> 60_000;      // the handler derives each photo's deadline
                    default -> null;
                });
    }

    private static String invoke(RenditionHandler handler, String event, String requestId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context(requestId));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRefusedS3CallIsLoggedWithRecordBucketKeyCodeAndCauseButNoSecret() throws Exception {
        String wrongSecret = "wrong/secret/NotTheRealOne/0123456789abcdef";
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        String key = layout.originalKey(photo.gallery(), photo.id(), "jpg");
        byte[] original = FakeImage.of(800, 600).toBytes();
        S3.client().putObject(b -> b.bucket(BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(original));
        S3Client badlySigned = S3Bucket.of(b -> b.name(BUCKET).region(S3.region()).endpoint(S3.endpoint()))
                .clientBuilder(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyExtension.DEFAULT_ACCESS_KEY, wrongSecret))).build();
        RenditionHandler handler = RenditionHandler.of(RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly
                .processor(new FakeImageProcessor())
                .blobs(S3BlobStore.create(badlySigned, BUCKET)).photos(new InMemoryPhotoRepository(clock))
                .clock(clock).build());

        try (LogCapture log = LogCapture.of("com.galerly")) {
            String response = invoke(handler, sqs(message("msg-7", notification(BUCKET, key, original.length, "x"))),
                    "req-42");
            assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-7\"}]}", response);
            List<String> errors = log.lines("ERROR");
            assertEquals(1, errors.size(), log.text());
            String line = errors.get(0);
            for (String expected : List.of("rendition failed", "record msg-7", "bucket " + BUCKET, "key " + key,
                    "code UNAUTHORIZED", "not retryable", "403", "S3Exception", "AWSRequestId=req-42",
                    "galerly.record=msg-7")) {
                assertTrue(line.contains(expected), "'" + expected + "' in " + line);
            }
            String all = log.text();
            for (String secret : List.of(wrongSecret, S3ProxyExtension.DEFAULT_SECRET_KEY, "Signature=",
                    "X-Amz-Signature", "Authorization")) {
                assertFalse(all.contains(secret), "the log must not contain " + secret + ":\n" + all);
            }
        }
        badlySigned.close();
    }

    @Test
    void transientFailuresWarnAndBadImagesAndBadMessagesAreLoggedOnce() {
        InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
        RenditionHandler handler = RenditionHandler.of(RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly
                .processor(new FakeImageProcessor())
                .blobs(blobs).photos(new InMemoryPhotoRepository(clock)).clock(clock).build());
        PhotoKey flaky = new PhotoKey(GalleryId.of("g"), ids.next());
        BlobMetadata a = blobs.put(layout.originalKey(flaky.gallery(), flaky.id(), "jpg"),
                FakeImage.of(300, 200).toBytes(), PutOptions.of("image/jpeg"));
        PhotoKey bad = new PhotoKey(GalleryId.of("g"), ids.next());
        BlobMetadata b = blobs.put(layout.originalKey(bad.gallery(), bad.id(), "jpg"),
                "not an image".getBytes(StandardCharsets.UTF_8), PutOptions.of("image/jpeg"));
        blobs.faults().failNext("head", 1, Fault.TRANSIENT);
        String event = sqs(message("m-flaky", notification("photos", a.key(), a.size(), a.eTag())),
                message("m-bad", notification("photos", b.key(), b.size(), b.eTag())),
                message("m-garbage", "this is not JSON"));

        try (LogCapture log = LogCapture.of("com.galerly")) {
            handler.handle(event.getBytes(StandardCharsets.UTF_8));
            List<String> warnings = log.lines("WARN");
            assertEquals(2, warnings.size(), log.text());
            assertTrue(warnings.get(0).contains("record m-flaky") && warnings.get(0).contains("code IO_ERROR")
                    && warnings.get(0).contains("(retryable)") && warnings.get(0).contains("key " + a.key()),
                    warnings.get(0));
            assertTrue(warnings.get(0).contains("injected transient fault"), "the cause: " + warnings.get(0));
            assertTrue(warnings.get(1).contains("photo rejected: record m-bad") && warnings.get(1).contains("key " + b.key())
                    && warnings.get(1).contains("code UNSUPPORTED_FORMAT"), warnings.get(1));
            List<String> errors = log.lines("ERROR");
            assertEquals(1, errors.size(), log.text());
            assertTrue(errors.get(0).contains("record m-garbage") && errors.get(0).contains("code INVALID_ARGUMENT"),
                    errors.get(0));
            assertTrue(!errors.get(0).contains("\n\tat "), "one line, no stack trace, per unparseable message: "
                    + errors.get(0));
        }
    }

    @Test
    void presigningLogsKeysButNeverUrlsPoliciesOrSignatures() {
        try (S3UploadService uploads = S3UploadService.builder()
                .bucket(S3Bucket.of(b -> b.name(BUCKET).region(S3.region()).endpoint(S3.endpoint())))
                .credentialsProvider(S3.credentialsProvider()).clock(clock).build();
             LogCapture log = LogCapture.of("com.galerly")) {
            UploadTicket put = uploads.presignPut(UploadRequest.of(r -> r.gallery(GalleryId.of("g"))
                    .contentType("image/jpeg").contentLength(1234)));
            UploadForm post = uploads.presignPost(UploadRequest.of(r -> r.gallery(GalleryId.of("g"))
                    .contentType("image/png")));
            String all = log.text();
            assertTrue(all.contains("presigned PUT of " + put.key()), all);
            assertTrue(all.contains("presigned POST form for " + post.key()), all);
            String signature = put.url().getRawQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
            for (String secret : List.of(signature, post.fields().get("x-amz-signature"), post.fields().get("policy"),
                    S3ProxyExtension.DEFAULT_SECRET_KEY, put.url().toString())) {
                assertFalse(all.contains(secret), "the log must not contain " + secret + ":\n" + all);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
