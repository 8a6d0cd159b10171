/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.aws.s3.PostPolicy.Condition;
import com.galerly.testkit.property.Cases;
import com.galerly.testkit.property.Generator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostPolicyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesCompactDocumentWithObjectEqualities() {
        String json = PostPolicyJson.write(Instant.parse("2026-01-02T03:04:05.678Z"), List.of(
                Condition.eq("bucket", "photos"), Condition.startsWith("key", "uploads/"),
                Condition.contentLengthRange(1, 1024)));
        assertEquals("{\"expiration\":\"2026-01-02T03:04:05.678Z\",\"conditions\":[{\"bucket\":\"photos\"},"
                + "[\"starts-with\",\"$key\",\"uploads/\"],[\"content-length-range\",1,1024]]}", json);
    }

    private record FieldValue(String field, String value) {
    }

    /** Whatever a value holds (quotes, backslashes, controls, any Unicode), the document parses back to it. */
    @Test
    void anyValueRoundTrips() {
        Cases.check(300, g -> new FieldValue(g.string(Generator.ANY_CHARS, 0, 255),
                g.string(Generator.ANY_CHARS, 0, 255)), c -> {
                    String json = PostPolicyJson.write(Instant.EPOCH, List.of(Condition.eq(c.field(), c.value()),
                            Condition.startsWith(c.field(), c.value())));
                    JsonNode conditions = JSON.readTree(json).get("conditions");
                    assertEquals(c.value(), conditions.get(0).get(c.field()).asText());
                    assertEquals("$" + c.field(), conditions.get(1).get(1).asText());
                    assertEquals(c.value(), conditions.get(1).get(2).asText());
                });
    }
}
