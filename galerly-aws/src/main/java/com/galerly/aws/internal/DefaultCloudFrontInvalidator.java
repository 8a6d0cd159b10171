/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.cloudfront.CloudFrontInvalidator;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.delivery.InvalidationBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;

/** {@link CloudFrontInvalidator} on the SDK's synchronous client. */
public final class DefaultCloudFrontInvalidator implements CloudFrontInvalidator {
    private final CloudFrontClient client;
    private final String distributionId;

    public DefaultCloudFrontInvalidator(CloudFrontClient client, String distributionId) {
        this.client = client;
        this.distributionId = distributionId;
    }

    @Override
    public String distributionId() {
        return distributionId;
    }

    @Override
    public CloudFrontClient client() {
        return client;
    }

    @Override
    public List<Invalidation> invalidate(String callerReference, Collection<String> paths) {
        List<InvalidationBatch> batches = InvalidationBatch.split(callerReference, paths);
        List<Invalidation> done = new ArrayList<>(batches.size());
        for (InvalidationBatch batch : batches) {
            CreateInvalidationResponse response;
            try {
                response = client.createInvalidation(r -> r.distributionId(distributionId)
                        .invalidationBatch(b -> b.callerReference(batch.callerReference())
                                .paths(p -> p.quantity(batch.paths().size()).items(batch.paths()))));
            } catch (SdkException e) {
                throw map(batch, e);
            }
            done.add(new Invalidation(response.invalidation().id(), batch.callerReference(), batch.paths(),
                    response.invalidation().status()));
        }
        return done;
    }

    private GalerlyException map(InvalidationBatch batch, SdkException e) {
        String what = "CreateInvalidation of " + batch.paths().size() + " paths (" + batch.callerReference() + ")";
        String target = "on distribution " + distributionId;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "TooManyInvalidationsInProgress".equals(service.awsErrorDetails().errorCode())) {
            return new GalerlyException(ErrorCode.THROTTLED, what + " " + target
                    + ": too many invalidations in progress; retry later", e);
        }
        return S3Errors.map(what, target, e);
    }

    @Override
    public String toString() {
        return "CloudFrontInvalidator[" + distributionId + "]";
    }
}
