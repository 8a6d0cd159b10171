/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.PhotoKey;
import com.galerly.core.spi.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser {@code <form method="post" enctype="multipart/form-data">}: post every field, in order, then the
 * file as the last field named {@code file}.
 *
 * @param photo     the photo the upload becomes
 * @param key       the storage key of the original
 * @param url       the form's action
 * @param fields    form fields in the order to send them (policy, signature, ...)
 * @param expiresAt when the policy expires
 */
public record UploadForm(PhotoKey photo, String key, URI url, Map<String, String> fields, Instant expiresAt) {
    public UploadForm {
        Checks.notNull(photo, "photo");
        Checks.notBlank(key, "key");
        Checks.notNull(url, "url");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(fields, "fields")));
        Checks.notNull(expiresAt, "expiresAt");
    }
}
