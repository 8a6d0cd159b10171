/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.core.PhotoKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A started multipart upload of one original, with a presigned PUT per part. The client PUTs part {@code n}
 * (1-based: {@code parts().get(n - 1)}) with exactly {@code partSize} bytes (the last part: the rest), keeps
 * each response's {@code ETag}, then asks the application to complete (or abort) the upload.
 *
 * <pre>{@code
 * MultipartTicket ticket = uploads.startMultipart(request);      // request declares the content length
 * // client: for each part, PUT bytes [ (n-1)*partSize, ... ) to ticket.parts().get(n-1).url()
 * uploads.completeMultipart(ticket.key(), ticket.uploadId(), List.of(new CompletedPart(1, etag1), ...));
 * }</pre>
 *
 * @param photo         the photo the upload becomes
 * @param key           the original's key
 * @param uploadId      S3's id of the multipart upload
 * @param contentLength the whole object's length
 * @param partSize      the length of every part but the last
 * @param parts         one presigned PUT per part, in part order
 * @param expiresAt     when the part URLs expire (re-sign with {@link S3UploadService#refreshParts})
 * @param authenticator an HMAC over photo, key, upload id, length and part size by the service that issued the
 *                      ticket; {@link S3UploadService#refreshParts} accepts only tickets whose authenticator
 *                      verifies (null on a ticket not issued by a service)
 */
public record MultipartTicket(PhotoKey photo, String key, String uploadId, long contentLength, long partSize,
                              List<PresignedRequest> parts, Instant expiresAt, String authenticator) {
    /** A ticket without an authenticator (refreshParts refuses it). */
    public MultipartTicket(PhotoKey photo, String key, String uploadId, long contentLength, long partSize,
                           List<PresignedRequest> parts, Instant expiresAt) {
        this(photo, key, uploadId, contentLength, partSize, parts, expiresAt, null);
    }

    public MultipartTicket {
        Objects.requireNonNull(photo, "photo must not be null");
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(uploadId, "uploadId must not be null");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts must not be null"));
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }

    /** How many parts the upload has. */
    public int partCount() {
        return parts.size();
    }
}
