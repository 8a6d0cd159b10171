/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import com.galerly.aws.internal.dynamodb.PhotoItems;
import com.galerly.core.spi.Checks;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The photo table's definition: string keys {@code PK} (partition, {@code G#{gallery}}) and {@code SK} (sort,
 * {@code P#{photo}}), on-demand billing, and a TTL on {@code expiresAt} (epoch seconds) that removes PENDING
 * records whose upload never came. The same definition as CloudFormation:
 *
 * <pre>{@code
 * PhotoTable:
 *   Type: AWS::DynamoDB::Table
 *   Properties:
 *     BillingMode: PAY_PER_REQUEST
 *     AttributeDefinitions:
 *       - { AttributeName: PK, AttributeType: S }
 *       - { AttributeName: SK, AttributeType: S }
 *     KeySchema:
 *       - { AttributeName: PK, KeyType: HASH }
 *       - { AttributeName: SK, KeyType: RANGE }
 *     TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }
 * }</pre>
 *
 * <pre>{@code
 * PhotoTable.create(dynamoDb, "galerly-photos");   // for tests and demos; idempotent
 * }</pre>
 */
public final class PhotoTable {
    private PhotoTable() {
    }

    /** Creates the table (waiting until it is active) and enables its TTL; does nothing if it exists. */
    public static void create(DynamoDbClient client, String table) {
        Checks.notNull(client, "client");
        Checks.notBlank(table, "table");
        try {
            client.createTable(r -> r.tableName(table)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PhotoItems.PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(PhotoItems.SK).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PhotoItems.PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(PhotoItems.SK).keyType(KeyType.RANGE).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            return;
        }
        client.waiter().waitUntilTableExists(r -> r.tableName(table),
                w -> w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(250))));
        try {
            client.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(PhotoItems.TTL).enabled(true)));
        } catch (DynamoDbException e) {
            // Emulators such as dynalite have no TTL (UnknownOperationException): expired PENDING records are
            // still never listed (the repository filters them), they are only not removed by DynamoDB itself.
            if (!"UnknownOperationException".equals(e.awsErrorDetails() == null ? null
                    : e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
    }
}
