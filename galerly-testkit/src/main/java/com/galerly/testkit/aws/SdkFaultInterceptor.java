/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.aws;

import com.galerly.core.GalerlyException;
import com.galerly.testkit.Faults;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects {@link Faults} into a real AWS SDK v2 client (S3, DynamoDB...), so chaos tests run against real
 * servers such as S3Proxy and dynalite. Operations are the SDK's names ({@code PutObject},
 * {@code HeadObject}, {@code PutItem}, {@code GetItem}...). The fault is thrown before the request is sent, as
 * an {@link SdkClientException} outside the SDK's own retries, so it reaches Galerly as a retryable failure and
 * nothing half-happens on the server.
 *
 * {@snippet :
 * Faults faults = new Faults().failRandomly(0.05, Fault.TRANSIENT, 42);
 * S3Client s3 = S3Client.builder()...
 *     .overrideConfiguration(c -> c.addExecutionInterceptor(new SdkFaultInterceptor(faults)))
 *     .build();
 * }
 */
public final class SdkFaultInterceptor implements ExecutionInterceptor {
    private final Faults faults;

    public SdkFaultInterceptor(Faults faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        try {
            faults.check(operation);
        } catch (GalerlyException injected) {
            throw SdkClientException.create(injected.getMessage() + " (" + injected.code() + ")");
        }
    }
}
