/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.aws.s3.PostPolicy;
import com.galerly.aws.s3.PresignedPost;
import com.galerly.aws.s3.S3UploadService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code galerly presign-post}: a browser upload form with a SigV4 POST policy, printed as JSON. */
@Command(name = "presign-post", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Presign a browser POST upload form (SigV4 POST policy, signed locally; credentials from the"
                + " standard AWS chain).",
                "Prints {\"url\":...,\"fields\":{...},\"expiresAt\":...}: POST every field, then the file as 'file'.",
                "The policy always bounds the size (content-length-range 1..--max-bytes)."})
final class PresignPostCommand implements Callable<Integer> {
    @Mixin
    PresignOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyChoice key;

    static final class KeyChoice {
        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The exact object key.")
        String exact;

        @Option(names = "--key-prefix", required = true, paramLabel = "PREFIX",
                description = {"Any key in the folder PREFIX (the form's key field defaults to PREFIX${filename}).",
                        "A prefix without a trailing '/' is completed with one, so uploads/u7 never covers uploads/u7x/."})
        String prefix;
    }

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = {"The exact Content-Type the upload must have. Default: the image type of --key's extension;",
                    "with --key-prefix, any image/ type (a POST policy cannot list types; the trust path refuses",
                    "what is not a configured image type, SVG included, when the upload is promoted)."})
    String contentType;

    @Option(names = "--max-bytes", paramLabel = "N",
            description = "The largest file accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes = S3UploadService.DEFAULT_MAX_BYTES;

    @Override
    public Integer call() {
        if (maxBytes < 1 || maxBytes > S3UploadService.MAX_SINGLE_UPLOAD_BYTES) {
            throw new UserException("--max-bytes must be 1.." + S3UploadService.MAX_SINGLE_UPLOAD_BYTES
                    + " (S3's largest POST), was " + maxBytes);
        }
        PresignedPost form = PresignOptions.sign(() -> {
            PostPolicy.Builder policy = PostPolicy.builder().contentLengthRange(1, maxBytes);
            if (key.exact != null) {
                policy.key(key.exact);
            } else {
                policy.keyStartsWith(key.prefix.endsWith("/") ? key.prefix : key.prefix + "/");
            }
            String type = contentType != null ? contentType : typeOfExtension(key.exact);
            if (type != null) {
                policy.contentType(type);
            } else {
                policy.contentTypeStartsWith("image/");
            }
            return options.signer().presignPost(policy.build(), options.expiry());
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", form.url().toString());
        json.put("fields", form.fields());
        options.print(json, form.expiresAt(), form.expiryCapped());
        return 0;
    }

    /** The configured image type a key's extension stands for ({@code .jpg} -> image/jpeg), or null. */
    private static String typeOfExtension(String key) {
        if (key == null || key.lastIndexOf('.') < 0) {
            return null;
        }
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (extension.equals("jpeg")) {
            extension = "jpg";
        }
        for (Map.Entry<String, String> type : S3UploadService.defaultContentTypes().entrySet()) {
            if (type.getValue().equals(extension)) {
                return type.getKey();
            }
        }
        return null;
    }
}
