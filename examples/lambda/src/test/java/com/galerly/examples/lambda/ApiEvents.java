/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Events and responses as the Lambda runtime sees them: event JSON is read, and responses written, by the
 * runtime's own serialiser ({@code aws-lambda-java-serialization}), so a field the runtime would not map is
 * caught here.
 */
final class ApiEvents {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvents.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, ApiEvents.class.getClassLoader());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiEvents() {
    }

    /** The event the runtime hands the handler for this JSON. */
    static APIGatewayV2HTTPEvent event(String json) {
        return EVENTS.fromJson(json);
    }

    /** The handler's response as the runtime writes it back to API Gateway. */
    static JsonNode wire(APIGatewayV2HTTPResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return tree(out.toString(StandardCharsets.UTF_8));
    }

    static int status(JsonNode response) {
        return response.get("statusCode").asInt();
    }

    static JsonNode body(JsonNode response) {
        return tree(response.get("body").asText());
    }

    static String errorCode(JsonNode response) {
        return body(response).get("error").get("code").asText();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
