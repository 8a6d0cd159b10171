/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.util.List;
import java.util.Map;

/**
 * The {@code index.html} that {@code render} writes: one row per photo with every rendition side by side at a
 * common display height (click for the real pixels), and failed photos with their error. Self-contained: no
 * script, no external resource.
 */
final class ContactSheet {
    private ContactSheet() {
    }

    @SuppressWarnings("unchecked")
    static String html(String profile, List<Map<String, Object>> photos) {
        StringBuilder h = new StringBuilder(4096);
        long ok = photos.stream().filter(p -> "ok".equals(p.get("status"))).count();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Galerly renditions (").append(escape(profile)).append(")</title>\n")
                .append("<style>\n")
                .append("body{font:14px system-ui,sans-serif;margin:24px;background:#f4f4f4;color:#222}\n")
                .append("section{background:#fff;margin:0 0 24px;padding:12px 16px;border-radius:6px;")
                .append("box-shadow:0 1px 3px rgba(0,0,0,.15)}\n")
                .append("h2{font-size:16px;margin:0 0 4px}.meta{color:#666;margin:0 0 12px}\n")
                .append(".row{display:flex;gap:16px;align-items:flex-end;overflow-x:auto}\n")
                .append("figure{margin:0}figure img{height:180px;width:auto;display:block;border:1px solid #ccc;")
                .append("background:repeating-conic-gradient(#ddd 0 25%,#fff 0 50%) 0 0/16px 16px}\n")
                .append("figcaption{color:#444;font-size:12px;margin-top:4px}\n")
                .append(".failed{border-left:4px solid #c0392b}.error{color:#c0392b;font-family:monospace}\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>Galerly renditions</h1>\n<p class=\"meta\">profile ").append(escape(profile)).append(", ")
                .append(ok).append(" of ").append(photos.size()).append(" photos rendered</p>\n");
        for (Map<String, Object> photo : photos) {
            boolean rendered = "ok".equals(photo.get("status"));
            h.append("<section").append(rendered ? "" : " class=\"failed\"").append(" id=\"")
                    .append(escape(String.valueOf(photo.get("id")))).append("\">\n<h2>")
                    .append(escape(String.valueOf(photo.get("id")))).append("</h2>\n<p class=\"meta\">")
                    .append(escape(String.valueOf(photo.get("source"))));
            if (rendered) {
                Map<String, Object> original = (Map<String, Object>) photo.get("original");
                h.append(" &middot; ").append(escape(String.valueOf(original.get("format")))).append(' ')
                        .append(original.get("width")).append("&times;").append(original.get("height"))
                        .append(" &middot; orientation ").append(original.get("orientation"))
                        .append(" &middot; shown ").append(photo.get("width")).append("&times;")
                        .append(photo.get("height")).append("</p>\n<div class=\"row\">\n");
                for (Map<String, Object> r : (List<Map<String, Object>>) photo.get("renditions")) {
                    String file = escape(String.valueOf(r.get("file")));
                    h.append("<figure><a href=\"").append(file).append("\"><img loading=\"lazy\" src=\"").append(file)
                            .append("\" alt=\"").append(escape(String.valueOf(r.get("name")))).append("\"></a>")
                            .append("<figcaption>").append(escape(String.valueOf(r.get("name")))).append(" &middot; ")
                            .append(r.get("width")).append("&times;").append(r.get("height")).append(" &middot; ")
                            .append(kilobytes(((Number) r.get("bytes")).longValue())).append(" &middot; ")
                            .append(escape(String.valueOf(r.get("contentType")))).append("</figcaption></figure>\n");
                }
                h.append("</div>\n");
            } else {
                Map<String, Object> error = (Map<String, Object>) photo.get("error");
                h.append("</p>\n<p class=\"error\">").append(escape(String.valueOf(error.get("code")))).append(": ")
                        .append(escape(String.valueOf(error.get("message")))).append("</p>\n");
            }
            h.append("</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    static String kilobytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        // one decimal, rounded half up as %.1f rounds (no Formatter: its locale data cost a cold start 20 ms)
        long tenths = (bytes * 10 + 512) / 1024;
        return tenths / 10 + "." + tenths % 10 + " KiB";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
