/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.cli.demo.WebGallery;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/** {@code galerly demo --serve}: starts {@link WebGallery} and keeps it running until the process is interrupted. */
final class WebGalleryCommand {
    private WebGalleryCommand() {
    }

    static int serve(int port, boolean chaos, PrintWriter stdout, PrintWriter stderr) throws Exception {
        if (chaos) {
            throw new UserException("--serve and --chaos cannot be combined");
        }
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be 0..65535, was " + port);
        }
        WebGallery web;
        try {
            web = WebGallery.start(port, line -> stderr.println("  " + line));
        } catch (BindException e) {
            throw new UserException("port " + port + " on 127.0.0.1 is in use; pick another with --port");
        }
        stdout.println(web.pageUrl());
        stdout.flush();
        stderr.println("galerly demo --serve: open " + web.pageUrl() + " (images through the CloudFront stand-in at "
                + web.cdn().baseUrl() + ", records in " + web.recordStore() + "); Ctrl-C stops");
        stderr.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                web.close();
            } catch (Exception e) {
                // shutting down anyway
            } finally {
                stopped.countDown();
            }
        }, "galerly-web-stop"));
        stopped.await();
        return 0;
    }
}
