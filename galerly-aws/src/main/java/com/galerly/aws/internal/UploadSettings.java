/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Signer;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.upload.Confirmer;
import com.galerly.core.upload.Quarantine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What {@link com.galerly.aws.s3.S3UploadService.Builder} checked and resolved, handed to the implementation.
 *
 * @param signer       presigns for the bucket
 * @param credentials  the credentials the signer uses (kept for {@code toBuilder})
 * @param clock        time for ids, records and signatures
 * @param blobs        HEAD, ranged GET and DELETE for confirmation; its client serves multipart calls
 * @param ownsClient   whether close() closes the client
 * @param layout       key layout
 * @param ids          photo id source
 * @param contentTypes allowed content type to key extension
 * @param maxBytes     largest upload
 * @param expiry       default validity of presigned requests
 * @param partSize     preferred multipart part size
 * @param repository   optional photo records
 * @param pendingExpiry   lifetime of a PENDING record
 * @param quarantine   the trust path confirm runs
 * @param confirmer    confirm, shared with the in-memory fake
 * @param tickets      authenticates multipart tickets
 * @param ticketKey    the HMAC key of {@code tickets} (kept for {@code toBuilder})
 */
public record UploadSettings(S3Signer signer, AwsCredentialsProvider credentials, Clock clock, S3BlobStore blobs,
                             boolean ownsClient, KeyLayout layout, PhotoId.Generator ids,
                             Map<String, String> contentTypes, long maxBytes, Duration expiry, long partSize,
                             PhotoRepository repository, Duration pendingExpiry, Quarantine quarantine,
                             Confirmer confirmer, MultipartTickets tickets, byte[] ticketKey) {
    public UploadSettings {
        contentTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contentTypes));
    }
}
