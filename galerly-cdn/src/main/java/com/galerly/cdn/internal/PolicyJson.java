/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

/**
 * Writes CloudFront policy statements byte for byte as the AWS SDK for Java v2 does: compact, conditions in the
 * order DateLessThan, IpAddress, DateGreaterThan. A canned policy is the same text with only DateLessThan; it is
 * never sent, but its exact bytes are what is signed, so any difference would break the signature.
 *
 * <p>Resources and addresses are already restricted to URL characters (no quote, backslash or control
 * character), so nothing here needs JSON escaping.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    /**
     * @param resource        the URL or wildcard pattern
     * @param dateLessThan    expiry, epoch seconds
     * @param sourceIp        CIDR range, or null
     * @param dateGreaterThan not-before, epoch seconds, or a negative value for none
     */
    public static String statement(String resource, long dateLessThan, String sourceIp, long dateGreaterThan) {
        StringBuilder json = new StringBuilder(resource.length() + 128)
                .append("{\"Statement\":[{\"Resource\":\"").append(resource)
                .append("\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":").append(dateLessThan).append('}');
        if (sourceIp != null) {
            json.append(",\"IpAddress\":{\"AWS:SourceIp\":\"").append(sourceIp).append("\"}");
        }
        if (dateGreaterThan >= 0) {
            json.append(",\"DateGreaterThan\":{\"AWS:EpochTime\":").append(dateGreaterThan).append('}');
        }
        return json.append("}}]}").toString();
    }
}
