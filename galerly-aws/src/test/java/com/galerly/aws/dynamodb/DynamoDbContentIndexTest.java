/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import com.galerly.core.upload.ContentIndex;
import com.galerly.testkit.ContentIndexContract;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The content index contract on a DynamoDB API server, in the photos table. */
class DynamoDbContentIndexTest extends ContentIndexContract {
    @RegisterExtension
    static final DynaliteExtension DDB = DynaliteExtension.create();
    private static final String TABLE = "photos";

    @BeforeAll
    static void createTable() {
        PhotoTable.create(DDB.client(), TABLE);
    }

    @Override
    protected ContentIndex index() {
        return DynamoDbContentIndex.create(DDB.client(), TABLE);
    }
}
