/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.upload.ContentIndex;

class InMemoryContentIndexTest extends ContentIndexContract {
    @Override
    protected ContentIndex index() {
        return new InMemoryContentIndex();
    }
}
