/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.core.Photo;
import com.galerly.core.Rendition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo's {@code gallery.html}: every photo's thumbnail, linking to its large rendition, with the
 * renditions copied next to the page (the CloudFront URLs of the listing point at a distribution that does not
 * exist on this machine).
 */
public final class GalleryHtml {
    private GalleryHtml() {
    }

    /** Writes the page and the rendition files under {@code dir}; returns the page. */
    public static Path write(Path dir, DemoRun.Report report, DemoRun run) throws IOException {
        Path files = Files.createDirectories(dir.resolve("renditions"));
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Galerly demo gallery</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; background: #111; color: #eee; }
                  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1rem; }
                  figure { margin: 0; background: #222; padding: .5rem; border-radius: 6px; }
                  img { width: 100%; height: auto; display: block; border-radius: 4px; }
                  figcaption { font-size: .8rem; margin-top: .4rem; color: #bbb; }
                  .failed { color: #f66; }
                </style></head><body>
                <h1>Galerly demo gallery</h1>
                <p>Rendered by the rendition handler from uploads to the local S3 server, recorded in\s""")
                .append(escape(report.store())).append(".</p>\n<div class=\"grid\">\n");
        for (DemoRun.Result result : report.results()) {
            Photo photo = run.record(result.view().key());
            html.append("<figure>");
            if (photo.rendition("thumbnail").isPresent()) {
                for (Rendition r : photo.renditions().values()) {
                    String file = photo.id() + "_" + r.name() + "." + extension(r.key());
                    Files.write(files.resolve(file), run.download(r.key()));
                }
                Rendition thumb = photo.rendition("thumbnail").orElseThrow();
                String large = photo.rendition("large").map(r -> photo.id() + "_large." + extension(r.key()))
                        .orElse(photo.id() + "_thumbnail." + extension(thumb.key()));
                html.append("<a href=\"renditions/").append(large).append("\"><img src=\"renditions/")
                        .append(photo.id()).append("_thumbnail.").append(extension(thumb.key()))
                        .append("\" alt=\"").append(escape(result.fileName())).append("\"></a>");
            }
            html.append("<figcaption>").append(escape(result.fileName())).append(" &middot; ")
                    .append(photo.status() == com.galerly.core.PhotoStatus.FAILED
                            ? "<span class=\"failed\">" + photo.errorCode() + "</span>"
                            : photo.width() + "&times;" + photo.height())
                    .append("</figcaption></figure>\n");
        }
        html.append("</div></body></html>\n");
        Path page = dir.resolve("gallery.html");
        Files.writeString(page, html);
        return page;
    }

    private static String extension(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
