/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.PostPolicy.Condition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes a POST policy document: compact JSON, equality conditions in object form as in AWS's examples. */
public final class PostPolicyJson {
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private PostPolicyJson() {
    }

    public static String write(Instant expiration, List<Condition> conditions) {
        StringBuilder json = new StringBuilder(256 + conditions.size() * 64);
        json.append("{\"expiration\":");
        string(json, EXPIRATION.format(expiration));
        json.append(",\"conditions\":[");
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            condition(json, conditions.get(i));
        }
        return json.append("]}").toString();
    }

    private static void condition(StringBuilder json, Condition c) {
        switch (c.operator()) {
            case EQ -> {
                json.append('{');
                string(json, c.field());
                json.append(':');
                string(json, c.value());
                json.append('}');
            }
            case STARTS_WITH -> {
                json.append("[\"starts-with\",");
                string(json, "$" + c.field());
                json.append(',');
                string(json, c.value());
                json.append(']');
            }
            case CONTENT_LENGTH_RANGE -> json.append("[\"content-length-range\",").append(c.min()).append(',')
                    .append(c.max()).append(']');
        }
    }

    /** A JSON string literal: quotes, backslashes and every control character escaped. */
    static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
