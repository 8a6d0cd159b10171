/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.KeyLayout;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;

/** The fake passes the same contract as the S3 implementation. */
class InMemoryUploadServiceTest extends UploadServiceContract {
    @Override
    protected Harness harness(Settings settings) {
        InMemoryBlobStore blobs = new InMemoryBlobStore(settings.clock());
        InMemoryUploadService.Builder builder = InMemoryUploadService.builder().blobs(blobs).clock(settings.clock())
                .maxBytes(settings.maxBytes()).scanner(settings.scanner()).duplicates(settings.duplicates())
                .repository(settings.photos());
        if (settings.index() != null) {
            builder.contentIndex(settings.index());
        }
        InMemoryUploadService uploads = builder.build();
        return new Harness() {
            @Override
            public UploadService uploads() {
                return uploads;
            }

            @Override
            public BlobStore blobs() {
                return blobs;
            }

            @Override
            public KeyLayout layout() {
                return KeyLayout.standard();
            }

            @Override
            public void put(UploadTicket ticket, byte[] body) {
                uploads.put(ticket.url(), ticket.headers(), body);
            }

            @Override
            public void post(UploadForm form, byte[] body) {
                uploads.post(form.fields(), body);
            }

            @Override
            public byte[] get(URI url) {
                return uploads.get(url);
            }
        };
    }
}
