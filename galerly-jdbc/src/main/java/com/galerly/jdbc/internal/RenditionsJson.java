/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.Rendition;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code renditions} column: a JSON array in profile order,
 * {@code [{"name":"thumbnail","key":"renditions/g/p_thumbnail.jpg","width":400,"height":400,"bytes":12345,
 * "contentType":"image/jpeg"}]}, or SQL NULL when there are none. Unknown fields are skipped on read, so a
 * newer writer's extra field does not break an older reader.
 */
public final class RenditionsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RenditionsJson() {
    }

    public static String write(Collection<Rendition> renditions) {
        if (renditions.isEmpty()) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Rendition r : renditions) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("key", r.key());
                g.writeNumberField("width", r.width());
                g.writeNumberField("height", r.height());
                g.writeNumberField("bytes", r.bytes());
                g.writeStringField("contentType", r.contentType());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    public static List<Rendition> read(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, json);
            List<Rendition> renditions = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String key = null;
                String contentType = null;
                int width = 0;
                int height = 0;
                long bytes = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "name" -> name = p.getValueAsString();
                        case "key" -> key = p.getValueAsString();
                        case "contentType" -> contentType = p.getValueAsString();
                        case "width" -> width = p.getIntValue();
                        case "height" -> height = p.getIntValue();
                        case "bytes" -> bytes = p.getLongValue();
                        default -> p.skipChildren();
                    }
                }
                renditions.add(new Rendition(name, key, width, height, bytes, contentType));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, json);
            return renditions;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {   // a missing field: null
            throw corrupt(json, e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw corrupt(json, null);
        }
    }

    private static GalerlyException corrupt(String json, Exception cause) {
        return new GalerlyException(ErrorCode.INTERNAL, "stored renditions are not the JSON galerly-jdbc writes: "
                + (json.length() > 200 ? json.substring(0, 200) + "..." : json), cause, false);
    }
}
