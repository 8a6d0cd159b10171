/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-API server for tests: <a href="https://github.com/architect/dynalite">dynalite</a> (MIT), started
 * as a child process ({@code node}) on a free loopback port, in memory, and stopped after the test class.
 * Nothing proprietary and no Docker.
 *
 * <pre>{@code
 * class MyRepositoryTest {
 *     @RegisterExtension static final DynaliteExtension DDB = DynaliteExtension.create();
 *
 *     @Test void works() {
 *         DynamoDbClient client = DDB.client();   // aimed at the server, static test credentials
 *         URI endpoint = DDB.endpoint();           // http://127.0.0.1:PORT
 *     }
 * }
 * }</pre>
 *
 * <p>Where dynalite comes from, first match wins:
 * <ol>
 *   <li>an <b>endpoint override</b>: system property {@value #ENDPOINT_PROPERTY} or environment variable
 *       {@value #ENDPOINT_ENV} (e.g. {@code https://dynamodb.eu-west-1.amazonaws.com} or another compatible
 *       server); nothing is started and the client uses the default AWS credentials chain and region
 *       ({@code AWS_REGION}) unless the endpoint is on loopback;</li>
 *   <li>a dynalite install: system property {@value #HOME_PROPERTY} or environment variable
 *       {@value #HOME_ENV} naming a directory with {@code node_modules/dynalite}, else the first
 *       {@code tools/dynalite} directory found from the working directory upwards (Galerly's own repository
 *       pins dynalite there with a lockfile). When that directory has a {@code package-lock.json} but no
 *       {@code node_modules} yet, {@code npm ci} runs once to install it.</li>
 * </ol>
 * When the server cannot start (no {@code node} on the PATH, no install), the tests are <b>skipped with the
 * reason printed</b>, except when the environment variable {@code CI} is {@code true}: then they fail, so a
 * build server never passes without having run them.
 *
 * <p>dynalite answers {@code UpdateTimeToLive} and {@code TransactWriteItems} with
 * {@code UnknownOperationException}; code under test must tolerate that (Galerly's {@code PhotoTable} does).
 */
public final class DynaliteExtension implements BeforeAllCallback, AfterAllCallback {
    /** System property naming an existing DynamoDB-compatible endpoint to use instead of starting dynalite. */
    public static final String ENDPOINT_PROPERTY = "galerly.dynamodb.endpoint";
    /** Environment variable naming an existing DynamoDB-compatible endpoint. */
    public static final String ENDPOINT_ENV = "GALERLY_DYNAMODB_ENDPOINT";
    /** System property naming the directory holding {@code node_modules/dynalite}. */
    public static final String HOME_PROPERTY = "galerly.dynalite.home";
    /** Environment variable naming the directory holding {@code node_modules/dynalite}. */
    public static final String HOME_ENV = "GALERLY_DYNALITE_HOME";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final String LISTENING = "Dynalite listening at";

    private Process process;
    private URI endpoint;
    private DynamoDbClient client;
    private AwsCredentialsProvider credentials;
    private int classDepth;

    private DynaliteExtension() {
    }

    /** A dynalite server (or the configured endpoint) for a test class. */
    public static DynaliteExtension create() {
        return new DynaliteExtension();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (classDepth++ > 0) {
            return;
        }
        try {
            start();
        } catch (Unavailable e) {
            classDepth = 0;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("dynalite must run on CI: " + e.getMessage(), e);
            }
            System.err.println("[galerly-testkit] skipping " + context.getDisplayName()
                    + ": no DynamoDB-API server: " + e.getMessage());
            Assumptions.abort("no DynamoDB-API server: " + e.getMessage());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classDepth > 0 && --classDepth == 0) {
            stop();
        }
    }

    /**
     * Starts the server outside JUnit (the demo does); idempotent.
     *
     * @throws Unavailable when no server can be started here, saying why
     */
    public synchronized void start() throws IOException, InterruptedException {
        if (endpoint != null) {
            return;
        }
        Optional<URI> override = configured(ENDPOINT_PROPERTY, ENDPOINT_ENV).map(URI::create);
        if (override.isPresent()) {
            endpoint = override.get();
            credentials = isLoopback(endpoint) ? testCredentials() : DefaultCredentialsProvider.builder().build();
        } else {
            Path home = home();
            Path cli = home.resolve("node_modules/dynalite/cli.js");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(node(), cli.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                    "--updateTableMs", "0")
                    .directory(home.toFile()).redirectErrorStream(true);
            process = builder.start();
            awaitListening(process, port);
            endpoint = URI.create("http://127.0.0.1:" + port);
            credentials = testCredentials();
        }
        client = DynamoDbClient.builder().endpointOverride(endpoint).region(region())
                .credentialsProvider(credentials).build();
    }

    /** Stops the server and closes the client; idempotent. */
    public synchronized void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        endpoint = null;
    }

    /** A client of the running server. */
    public DynamoDbClient client() {
        return Objects.requireNonNull(client, "the DynamoDB-API server is not started");
    }

    /** The server's endpoint, for code configured with one. */
    public URI endpoint() {
        return Objects.requireNonNull(endpoint, "the DynamoDB-API server is not started");
    }

    /** The credentials {@link #client()} uses: static test credentials on loopback. */
    public AwsCredentialsProvider credentialsProvider() {
        return Objects.requireNonNull(credentials, "the DynamoDB-API server is not started");
    }

    /** Whether this runs a dynalite child process (false when an endpoint override is used). */
    public boolean startedDynalite() {
        return process != null;
    }

    /** Why no server could be started. */
    public static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private static Region region() {
        return configured("aws.region", "AWS_REGION").map(Region::of).orElse(Region.US_EAST_1);
    }

    private static AwsCredentialsProvider testCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("galerly", "galerly-test"));
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static Optional<String> configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Path home() throws IOException, InterruptedException {
        Optional<String> configured = configured(HOME_PROPERTY, HOME_ENV);
        Path home;
        if (configured.isPresent()) {
            home = Path.of(configured.get()).toAbsolutePath();
        } else {
            home = null;
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("tools/dynalite");
                if (Files.isRegularFile(candidate.resolve("package.json"))) {
                    home = candidate;
                    break;
                }
            }
            if (home == null) {
                throw new Unavailable("no dynalite install: set -D" + HOME_PROPERTY + " (a directory with "
                        + "node_modules/dynalite) or -D" + ENDPOINT_PROPERTY + " (a running server)");
            }
        }
        if (!Files.isRegularFile(home.resolve("node_modules/dynalite/cli.js"))) {
            install(home);
        }
        return home;
    }

    /** {@code npm ci} in {@code home}, once, under a file lock (parallel test JVMs may race here). */
    private static void install(Path home) throws IOException, InterruptedException {
        if (!Files.isRegularFile(home.resolve("package-lock.json"))) {
            throw new Unavailable("dynalite is not installed in " + home + " and there is no package-lock.json");
        }
        try (FileChannel channel = FileChannel.open(home.resolve(".install.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            if (Files.isRegularFile(home.resolve("node_modules/dynalite/cli.js"))) {
                return;
            }
            String npm = onPath("npm").orElseThrow(() -> new Unavailable(
                    "dynalite is not installed in " + home + " and npm is not on the PATH (install Node.js)"));
            Process npmCi = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(home.toFile()).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(npmCi));
            if (!npmCi.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                npmCi.destroyForcibly();
                throw new Unavailable("npm ci in " + home + " took longer than " + INSTALL_TIMEOUT);
            }
            if (npmCi.exitValue() != 0) {
                throw new Unavailable("npm ci in " + home + " failed: " + output.join().strip());
            }
        }
    }

    private static String node() throws Unavailable {
        return onPath("node").orElseThrow(() -> new Unavailable("node is not on the PATH (install Node.js 20+)"));
    }

    private static Optional<String> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static void awaitListening(Process process, int port) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.contains(LISTENING)) {
                        drain(reader);
                        return true;
                    }
                    synchronized (seen) {
                        seen.add(line);
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        Boolean up;
        try {
            up = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            up = false;
        } catch (java.util.concurrent.ExecutionException e) {
            up = false;
        }
        if (!up) {
            process.destroyForcibly();
            String output;
            synchronized (seen) {
                output = String.join(" | ", seen);
            }
            throw new Unavailable("dynalite did not start on port " + port + " within " + START_TIMEOUT
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }

    /** Keeps reading the child's output so it never blocks on a full pipe. */
    private static void drain(BufferedReader reader) {
        Thread thread = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "dynalite-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
