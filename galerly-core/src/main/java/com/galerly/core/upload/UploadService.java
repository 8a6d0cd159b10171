/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets clients upload originals straight to storage and read them back, without the bytes passing through the
 * application: presigned PUT and POST for uploads, confirmation of what arrived, presigned GET for downloads.
 * The S3 implementation lives in {@code galerly-aws}; {@code galerly-testkit} has a fake.
 *
 * <pre>{@code
 * UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")));
 * // the client PUTs the bytes to ticket.url() with ticket.headers()
 * UploadConfirmation confirmation = uploads.confirm(ticket.key());
 * URI download = uploads.presignGet(ticket.key(), Duration.ofMinutes(5), Optional.of("DSC_0042.JPG"));
 * }</pre>
 */
public interface UploadService {
    /** A presigned PUT; content type (and length and checksum when declared) are signed. */
    UploadTicket presignPut(UploadRequest request);

    /** A presigned browser POST form with a policy that bounds the size and pins key and content type. */
    UploadForm presignPost(UploadRequest request);

    /** Checks an uploaded object: sniffs its first bytes and size; a non-image is deleted and reported. */
    UploadConfirmation confirm(String key);

    /** A presigned GET of a stored object, optionally served as a download under {@code downloadName}. */
    URI presignGet(String key, Duration expiry, Optional<String> downloadName);
}
