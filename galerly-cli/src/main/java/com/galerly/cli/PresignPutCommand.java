/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.aws.ObjectHeaders;
import com.galerly.aws.PresignedRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code galerly presign-put}: a presigned S3 PUT URL, printed as JSON. */
@Command(name = "presign-put", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Presign an S3 PUT for one key (SigV4, signed locally; credentials from the standard AWS chain).",
                "Prints {\"method\":\"PUT\",\"url\":...,\"headers\":{...},\"expiresAt\":...}: send exactly those headers."})
final class PresignPutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PresignOptions options;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "The object key.")
    String key;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Sign this Content-Type: the upload must send exactly it.")
    String contentType;

    @Override
    public Integer call() {
        PresignedRequest put = PresignOptions.sign(() -> {
            ObjectHeaders headers = contentType == null ? ObjectHeaders.none() : ObjectHeaders.of(contentType);
            return options.signer().presignPut(key, headers, options.expiry());
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", put.method());
        json.put("url", put.url().toString());
        json.put("headers", put.headers());
        PresignOptions.print(spec.commandLine().getOut(), json, put.expiresAt());
        return 0;
    }
}
