/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.photo.PhotoRepository;

/** With no fault armed, {@link FaultyPhotoRepository} is its delegate: it passes the same contract. */
class FaultyPhotoRepositoryContractTest extends PhotoRepositoryContract {
    @Override
    protected PhotoRepository repository(TestClock clock) {
        return FaultyPhotoRepository.wrap(new InMemoryPhotoRepository(clock));
    }
}
