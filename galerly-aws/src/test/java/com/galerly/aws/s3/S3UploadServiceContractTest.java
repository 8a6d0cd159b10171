/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.core.KeyLayout;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.UploadServiceContract;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 implementation on S3Proxy (which checks every signature) passes the same contract as the fake. */
class S3UploadServiceContractTest extends UploadServiceContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("contract").emptyBucketsBeforeEach().build();

    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
    }

    @Override
    protected Harness harness(Settings settings) {
        S3Bucket bucket = S3Bucket.builder().name("contract").region("us-east-1").endpoint(S3.endpoint()).build();
        S3Client client = bucket.clientBuilder(S3.credentialsProvider()).build();
        S3UploadService.Builder builder = S3UploadService.builder().bucket(bucket)
                .credentialsProvider(S3.credentialsProvider()).client(client).clock(settings.clock())
                .maxBytes(settings.maxBytes()).repository(settings.photos()).scanner(settings.scanner())
                .duplicates(settings.duplicates());
        if (settings.index() != null) {
            builder.contentIndex(settings.index());
        }
        S3UploadService uploads = builder.build();
        OPEN.add(uploads);
        OPEN.add(client);
        return new Harness() {
            @Override
            public UploadService uploads() {
                return uploads;
            }

            @Override
            public BlobStore blobs() {
                return uploads.blobs();
            }

            @Override
            public KeyLayout layout() {
                return KeyLayout.standard();
            }

            @Override
            public void put(UploadTicket ticket, byte[] body) {
                check(HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), body), "PUT");
            }

            @Override
            public void post(UploadForm form, byte[] body) {
                check(HttpUploads.post(form.url(), form.fields(), "upload.jpg",
                        form.fields().getOrDefault("Content-Type", "image/jpeg"), body), "POST");
            }

            @Override
            public byte[] get(URI url) {
                HttpResponse<byte[]> response = HttpUploads.get(url);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET refused: " + response.statusCode());
                }
                return response.body();
            }
        };
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " refused by S3: " + response.statusCode() + " " + response.body());
        }
    }
}
