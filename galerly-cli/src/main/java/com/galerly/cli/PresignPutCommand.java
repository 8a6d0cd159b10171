/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.aws.s3.ObjectHeaders;
import com.galerly.aws.s3.PresignedRequest;
import com.galerly.aws.s3.S3UploadService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code galerly presign-put}: a presigned S3 PUT URL, printed as JSON. */
@Command(name = "presign-put", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Presign an S3 PUT for one key (SigV4, signed locally; credentials from the standard AWS chain).",
                "Prints {\"method\":\"PUT\",\"url\":...,\"headers\":{...},\"expiresAt\":...}: send exactly those headers.",
                "The length is always signed: without --content-length a client could upload up to 5 GiB."})
final class PresignPutCommand implements Callable<Integer> {
    @Mixin
    PresignOptions options;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "The object key.")
    String key;

    @Option(names = "--content-length", required = true, paramLabel = "N",
            description = "The exact body length in bytes, signed: S3 refuses any other length. Required.")
    long contentLength;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Sign this Content-Type: the upload must send exactly it.")
    String contentType;

    @Override
    public Integer call() {
        if (contentLength < 0 || contentLength > S3UploadService.MAX_SINGLE_UPLOAD_BYTES) {
            throw new UserException("--content-length must be 0.." + S3UploadService.MAX_SINGLE_UPLOAD_BYTES
                    + " (S3's largest PUT), was " + contentLength);
        }
        PresignedRequest put = PresignOptions.sign(() -> {
            ObjectHeaders.Builder headers = ObjectHeaders.builder().contentLength(contentLength);
            if (contentType != null) {
                headers.contentType(contentType);
            }
            return options.signer().presignPut(key, headers.build(), options.expiry());
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", put.method());
        json.put("url", put.url().toString());
        json.put("headers", put.headers());
        options.print(json, put.expiresAt(), put.expiryCapped());
        return 0;
    }
}
