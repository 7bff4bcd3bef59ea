package io.vixlab.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vixlab.ingest.run.InMemoryBarStore;
import io.vixlab.ingest.run.IngestOutcome;
import io.vixlab.ingest.run.IngestRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CboeHttpSource} against a local HTTP server on 127.0.0.1; no test needs the internet. */
class CboeHttpSourceTest {

    private static final String VIX_CSV = "DATE,OPEN,HIGH,LOW,CLOSE\n07/21/2026,17.48,17.99,16.86,17.05\n";
    private static final String VVIX_CSV = "DATE,VVIX\n07/21/2026,96.34\n";
    /** The client's timeout where a reply should come: long enough for a machine under load. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    /** The client's timeout where the test makes the server too slow. */
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** One answer of the server; the last one queued for a path is repeated. */
    private record Reply(int status, String contentType, String body, Duration delay) {

        static Reply csv(String body) {
            return new Reply(200, "text/csv", body, Duration.ZERO);
        }

        static Reply status(int status) {
            return new Reply(status, "text/plain", "error " + status, Duration.ZERO);
        }
    }

    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private ExecutorService executor;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void downloadsEachConfiguredFile() {
        serve("/VIX_History.csv", Reply.csv(VIX_CSV));
        serve("/VVIX_History.csv", Reply.csv(VVIX_CSV));

        List<SourceFile> files = source(3).fetch();

        assertThat(files).containsExactly(
                new SourceFile("VIX", url("/VIX_History.csv").toString(), VIX_CSV),
                new SourceFile("VVIX", url("/VVIX_History.csv").toString(), VVIX_CSV));
        assertThat(requests.get("/VIX_History.csv")).hasValue(1);
    }

    @Test
    void retriesAServerErrorAndThenSucceeds() {
        serve("/VIX_History.csv", Reply.status(500), Reply.csv(VIX_CSV));
        serve("/VVIX_History.csv", Reply.csv(VVIX_CSV));

        List<SourceFile> files = source(3).fetch();

        assertThat(files.get(0).content()).isEqualTo(VIX_CSV);
        assertThat(requests.get("/VIX_History.csv")).hasValue(2);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        serve("/VIX_History.csv", Reply.status(503));

        assertThatThrownBy(() -> source(3).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("GET " + url("/VIX_History.csv") + " failed after 3 attempts: HTTP 503");
        assertThat(requests.get("/VIX_History.csv")).hasValue(3);
    }

    @Test
    void doesNotRetryAClientError() {
        serve("/VIX_History.csv", Reply.status(404));

        assertThatThrownBy(() -> source(3).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("GET " + url("/VIX_History.csv") + " failed: HTTP 404");
        assertThat(requests.get("/VIX_History.csv")).hasValue(1);
    }

    @Test
    void refusesADownloadLargerThanTheLimitWithoutRetrying() {
        serve("/VIX_History.csv", Reply.csv(VIX_CSV));
        int limit = VIX_CSV.length() - 1;
        Map<String, URI> urls = Map.of("VIX", url("/VIX_History.csv"));

        assertThatThrownBy(() -> new CboeHttpSource(new CboeHttpSource.Settings(urls, ANSWER_WAIT, 3,
                Duration.ofMillis(10)), new SizeLimit(limit)).fetch())
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage(url("/VIX_History.csv") + ": larger than the limit of " + limit + " bytes (vixlab.ingest.max-file-size)");
        assertThat(requests.get("/VIX_History.csv")).hasValue(1);
    }

    @Test
    void retriesATimeoutAndReportsIt() {
        serve("/VIX_History.csv", new Reply(200, "text/csv", VIX_CSV, TIMEOUT.multipliedBy(10)));

        assertThatThrownBy(() -> source(2, TIMEOUT).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("GET " + url("/VIX_History.csv") + " failed after 2 attempts: timed out after 300 ms");
        assertThat(requests.get("/VIX_History.csv")).hasValue(2);
    }

    @Test
    void anHtmlPageInsteadOfCsvFailsTheRunWithTheStoreUntouched() {
        serve("/VIX_History.csv", new Reply(200, "text/html",
                "<!DOCTYPE html>\n<html><head><title>Access Denied</title></head><body>Denied</body></html>\n",
                Duration.ZERO));
        serve("/VVIX_History.csv", Reply.csv(VVIX_CSV));
        InMemoryBarStore store = new InMemoryBarStore();

        IngestOutcome outcome = IngestRun.withDefaults(Clock.systemUTC()).execute("run-1", List.of(source(3)), store);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.update().error()).isEqualTo(url("/VIX_History.csv") + ", row 1: an HTML page instead of CSV");
        assertThat(outcome.update().source()).isEqualTo("cboe");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aSuccessfulDownloadIngests() {
        serve("/VIX_History.csv", Reply.csv(VIX_CSV));
        serve("/VVIX_History.csv", Reply.status(502), Reply.csv(VVIX_CSV));
        InMemoryBarStore store = new InMemoryBarStore();

        IngestOutcome outcome = IngestRun.withDefaults(Clock.systemUTC()).execute("run-1", List.of(source(3)), store);

        assertThat(outcome.succeeded()).as(outcome.update().error()).isTrue();
        assertThat(store.all()).extracting(bar -> bar.key() + "=" + bar.close() + "@" + bar.source())
                .containsExactly("VIX:2026-07-21=17.05@cboe", "VVIX:2026-07-21=96.34@cboe");
    }

    private CboeHttpSource source(int maxAttempts) {
        return source(maxAttempts, ANSWER_WAIT);
    }

    private CboeHttpSource source(int maxAttempts, Duration timeout) {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("VIX", url("/VIX_History.csv"));
        urls.put("VVIX", url("/VVIX_History.csv"));
        return new CboeHttpSource(new CboeHttpSource.Settings(urls, timeout, maxAttempts, Duration.ofMillis(10)));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serve(String path, Reply... answers) {
        replies.put(path, new ArrayDeque<>(List.of(answers)));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Deque<Reply> queue = replies.getOrDefault(path, new ArrayDeque<>(List.of(Reply.status(404))));
        Reply reply = queue.size() > 1 ? queue.poll() : queue.peek();
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
