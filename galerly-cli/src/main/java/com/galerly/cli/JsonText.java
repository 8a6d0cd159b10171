/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The manifest {@code render} writes, as JSON text: ordered maps, lists, strings, numbers, booleans and nulls, laid
 * out exactly as {@link ImageJson#mapper()} (Jackson's default pretty printer) lays them out, without Jackson. A
 * fresh process rendering one photo spent 40 ms setting up an {@code ObjectMapper} (some 600 classes) to write
 * this one small file; {@code JsonTextTest} checks the text against the mapper's.
 */
final class JsonText {
    private static final String HEX = "0123456789ABCDEF";

    private JsonText() {
    }

    /** {@code value} as pretty-printed JSON, with no line break at the end. */
    static String pretty(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append('"').append(d).append('"');   // as Jackson writes them (QUOTE_NON_NUMERIC_NUMBERS)
            } else if (value instanceof Float f) {
                out.append(f.floatValue());
            } else {
                out.append(d);
            }
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth);
        } else if (value instanceof List<?> list) {
            array(out, list, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** Entries one per line, indented two spaces per level of objects; an empty object is {@code { }}. */
    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{ }");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> e = entries.next();
            indent(out, depth + 1);
            string(out, String.valueOf(e.getKey()));
            out.append(" : ");
            write(out, e.getValue(), depth + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        indent(out, depth);
        out.append('}');
    }

    /** Values on one line, {@code [ a, b ]}; arrays add no indentation; an empty one is {@code [ ]}. */
    private static void array(StringBuilder out, List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(out, list.get(i), depth);
        }
        out.append(" ]");
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(System.lineSeparator());
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Quoted, escaping what Jackson escapes: the quote, the backslash and control characters. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
