/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.aws.s3.PostPolicy.Condition;
import com.galerly.core.GalerlyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
    @Test
    void refusesAPolicyWithoutSizeBoundOrKey() {
        IllegalStateException noRange = assertThrows(IllegalStateException.class,
                () -> PostPolicy.builder().key("a.jpg").contentType("image/jpeg").build());
        assertTrue(noRange.getMessage().contains("content-length-range"), noRange.getMessage());
        assertThrows(IllegalStateException.class, () -> PostPolicy.builder().contentLengthRange(1, 2).build());
    }

    @Test
    void refusesSigningFieldsUnsafeKeysAndBadValues() {
        for (String reserved : List.of("policy", "X-Amz-Signature", "x-amz-credential", "bucket", "file")) {
            assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().field(reserved, "x"), reserved);
        }
        assertThrows(GalerlyException.class, () -> PostPolicy.builder().key("../a.jpg"));
        assertThrows(GalerlyException.class, () -> PostPolicy.builder().keyStartsWith("/root/"));
        assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().keyStartsWith(""));
        assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().contentLengthRange(10, 5));
        assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().successActionStatus(302));
        assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().metadata("Upper", "x"));
        assertThrows(IllegalArgumentException.class, () -> PostPolicy.builder().metadata("name", "é"));
    }

    @Test
    void settingAFieldAgainReplacesItsCondition() {
        PostPolicy policy = PostPolicy.builder().key("a.jpg").contentType("image/png").contentLengthRange(1, 9)
                .keyStartsWith("up/").contentType("image/jpeg").contentLengthRange(2, 8).build();
        assertEquals(List.of(Condition.startsWith("key", "up/"), Condition.eq("Content-Type", "image/jpeg"),
                Condition.contentLengthRange(2, 8)), policy.conditions());
        assertEquals(Map.of("key", "up/${filename}", "Content-Type", "image/jpeg"), policy.fields());
        assertEquals(2, policy.minLength());
        assertEquals(8, policy.maxLength());
        assertEquals(policy, policy.toBuilder().build());
    }
}
