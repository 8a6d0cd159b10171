/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * An SDK HTTP client that answers the next requests with an S3 error (as a throttled or failing S3 would)
 * before passing the rest to a real client, and records every request line it saw.
 */
final class FaultyHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate = Apache5HttpClient.create();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int status;
    private volatile String code;
    private volatile String dropHeader;

    /** The next {@code count} requests get {@code status} with S3 error {@code code}. */
    void failNext(int count, int status, String code) {
        this.status = status;
        this.code = code;
        failures.set(count);
    }

    /** The next answer reaches the SDK without {@code header} (a proxy that strips it). */
    void dropNext(String header) {
        this.dropHeader = header;
    }

    /** "METHOD path?query" of every request sent, failed or not. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        requests.clear();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String query = request.httpRequest().encodedQueryParameters().map(q -> "?" + q).orElse("");
        requests.add(request.httpRequest().method() + " " + request.httpRequest().encodedPath() + query);
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            byte[] body = ("<Error><Code>" + code + "</Code><Message>injected by the test</Message>"
                    + "<RequestId>TEST</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(status)
                                    .putHeader("Content-Type", "application/xml")
                                    .putHeader("Content-Length", Integer.toString(body.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }
        String drop = dropHeader;
        dropHeader = null;
        ExecutableHttpRequest real = delegate.prepareRequest(request);
        if (drop == null) {
            return real;
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse answer = real.call();
                return HttpExecuteResponse.builder()
                        .response(answer.httpResponse().toBuilder().removeHeader(drop).build())
                        .responseBody(answer.responseBody().orElse(null)).build();
            }

            @Override
            public void abort() {
                real.abort();
            }
        };
    }

    @Override
    public void close() {
        delegate.close();
    }
}
