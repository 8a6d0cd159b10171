/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.cli.demo.SamplePhotos;
import com.galerly.cli.demo.WebGallery;
import com.galerly.testkit.cdn.LocalCloudFront;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code galerly demo --serve} in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven through the system chromedriver; nothing is downloaded): two photos chosen in the page's file input go
 * from the browser to the S3-compatible server with the presigned POST form, get rendered, and show as
 * {@code <picture>} elements whose BlurHash placeholder was painted before the image loaded through the
 * CloudFront stand-in with the page's signed cookies; the same image URL without the cookies is refused 403;
 * both photos are deleted from the page and nothing is left in the bucket.
 *
 * <p>Screenshots go to {@code target/screenshots}, or to {@code -Dgalerly.screenshots=DIR}: those of docs/cli.md come from
 * {@code ./mvnw -B -pl galerly-cli -am verify -Dtest=DemoServeBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgalerly.screenshots=../docs/screenshots}.
 */
class DemoServeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration RENDERING = Duration.ofSeconds(180);

    @TempDir
    Path photos;

    @Test
    void uploadRenderShowPrivatelyAndDeleteInARealBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("DemoServeBrowserTest skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");

        List<String> files = new ArrayList<>();
        for (SamplePhotos.Sample sample : SamplePhotos.generate(2)) {   // a landscape and an EXIF-rotated portrait
            Path file = photos.resolve(sample.name());
            Files.write(file, sample.bytes());
            files.add(file.toString());
        }
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("galerly.screenshots", "target/screenshots")));

        try (WebGallery web = WebGallery.start(0, line -> { })) {
            ChromeDriver browser = chromium();
            try {
                browser.get(web.pageUrl());
                JavascriptExecutor js = browser;
                assertEquals("Galerly demo gallery", browser.getTitle());
                browser.findElement(By.id("file")).sendKeys(String.join("\n", files));

                WebDriverWait wait = new WebDriverWait(browser, RENDERING, Duration.ofMillis(250));
                wait.withMessage(() -> "two rendered, loaded photos; page says: "
                        + browser.findElement(By.id("status")).getText());
                wait.until(d -> ((Number) js.executeScript(
                        "return document.querySelectorAll('figure[data-status=ACTIVE][data-loaded-at]').length")).intValue() == 2);
                assertEquals(100.0, ((Number) js.executeScript("return document.getElementById('progress').value"))
                        .doubleValue(), 0.01, "the progress bar reached the end");
                assertEquals("2", js.executeScript("return document.body.dataset.uploaded"));

                List<String> imageUrls = new ArrayList<>();
                for (WebElement figure : browser.findElements(By.cssSelector("figure"))) {
                    double placeholderAt = Double.parseDouble(figure.getDomAttribute("data-placeholder-at"));
                    double loadedAt = Double.parseDouble(figure.getDomAttribute("data-loaded-at"));
                    assertTrue(placeholderAt < loadedAt, "the BlurHash placeholder was painted before the image loaded");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> image = (Map<String, Object>) js.executeScript("""
                            const f = arguments[0], img = f.querySelector('picture img'), c = f.querySelector('canvas');
                            const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                            const colours = new Set();
                            for (let i = 0; i < px.length; i += 4) colours.add(px[i] + ',' + px[i+1] + ',' + px[i+2]);
                            return {src: img.currentSrc, width: img.naturalWidth, colours: colours.size,
                                    sources: f.querySelectorAll('picture source[type="image/webp"]').length,
                                    srcset: img.srcset};""", figure);
                    assertTrue(((Number) image.get("colours")).intValue() > 10, "a decoded BlurHash, not a flat colour");
                    assertTrue(((Number) image.get("width")).intValue() > 0, "the image decoded");
                    assertEquals(1L, ((Number) image.get("sources")).longValue(), "a WebP <source> in the <picture>");
                    assertTrue(((String) image.get("srcset")).contains("w, "), "a JPEG srcset with several widths");
                    String src = (String) image.get("src");
                    assertTrue(src.startsWith(web.cdn().baseUrl() + "renditions/demo/"), src);
                    assertTrue(src.matches(".*-webp\\.[0-9a-f]{12}\\.webp"), "Chromium picked the WebP source: " + src);
                    imageUrls.add(src);
                }
                screenshot(browser, screenshots.resolve("demo-serve-gallery.png"));
                // what the page shows before each image arrives: the placeholders alone
                js.executeScript("document.querySelectorAll('picture img').forEach(i => i.style.visibility = 'hidden')");
                screenshot(browser, screenshots.resolve("demo-serve-placeholders.png"));
                js.executeScript("document.querySelectorAll('picture img').forEach(i => i.style.visibility = '')");

                // the images came through the CloudFront stand-in, granted by the cookies the page was given
                List<String> served = web.cdn().served().stream().filter(s -> s.status() == 200)
                        .map(LocalCloudFront.Served::path).toList();
                // the browser's cookie jar (all paths: the cookies are scoped to /renditions/demo/, not the page)
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> jar = (List<Map<String, Object>>) browser
                        .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
                List<Map<String, Object>> signed = jar.stream()
                        .filter(c -> ((String) c.get("name")).startsWith("CloudFront-")).toList();
                assertEquals(List.of("CloudFront-Key-Pair-Id", "CloudFront-Policy", "CloudFront-Signature"),
                        signed.stream().map(c -> (String) c.get("name")).sorted().toList());
                signed.forEach(c -> {
                    assertEquals("/renditions/demo/", c.get("path"));
                    assertEquals(true, c.get("httpOnly"), "page scripts cannot read the signature");
                });
                String cookies = signed.stream().map(c -> c.get("name") + "=" + c.get("value"))
                        .collect(Collectors.joining("; "));
                for (String url : imageUrls) {
                    assertTrue(served.contains(URI.create(url).getRawPath()), url + " served through the stand-in");
                    assertEquals(403, get(url, null), "the same image URL without the signed cookies");
                    assertEquals(200, get(url, cookies), "with the page's cookies");
                }
                assertFalse(web.objectKeys().stream().filter(k -> k.startsWith("originals/")).toList().isEmpty());

                // delete both from the page
                for (int left = 1; left >= 0; left--) {
                    browser.findElement(By.cssSelector("figure button.delete")).click();
                    int expected = left;
                    wait.until(d -> d.findElements(By.cssSelector("figure")).size() == expected);
                }
                wait.until(d -> d.findElement(By.id("empty")).isDisplayed());
                assertEquals(List.of(), web.objectKeys(), "renditions and originals deleted");
                browser.navigate().refresh();
                wait.until(d -> d.findElement(By.id("empty")).isDisplayed());
                assertEquals(0, browser.findElements(By.cssSelector("figure")).size());
            } finally {
                browser.quit();
            }
        }
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1");
        // the system driver, named explicitly: Selenium Manager is never asked to download anything
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(ChromeDriver browser, Path target) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int get(String url, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        // a fresh client per request: a refused request may leave its connection closed
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
