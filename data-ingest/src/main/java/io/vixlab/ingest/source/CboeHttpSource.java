package io.vixlab.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CBOE's public daily history files over HTTP. Network errors, timeouts and 5xx answers are retried with
 * exponential backoff; other statuses fail at once, since asking again will not change them. Whether the
 * body is CSV at all (CDNs like to answer with an HTML page) is the parser's check, which covers every source.
 */
public final class CboeHttpSource implements BarSource {

    public static final String NAME = "cboe";

    /**
     * @param urls           symbol to URL of its history file, in the order they are fetched
     * @param timeout        for connecting and for each whole request
     * @param maxAttempts    tries per file, at least 1
     * @param initialBackoff wait before the second try; it doubles for each further try
     */
    public record Settings(Map<String, URI> urls, Duration timeout, int maxAttempts, Duration initialBackoff) {

        public Settings {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("at least one URL is needed");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            urls = new LinkedHashMap<>(urls);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
        }

        /** CBOE's published URLs, a 30 s timeout and 3 attempts starting with a 2 s backoff. */
        public static Settings defaults() {
            Map<String, URI> urls = new LinkedHashMap<>();
            urls.put("VIX", URI.create("https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv"));
            urls.put("VVIX", URI.create("https://cdn.cboe.com/api/global/us_indices/daily_prices/VVIX_History.csv"));
            return new Settings(urls, Duration.ofSeconds(30), 3, Duration.ofSeconds(2));
        }
    }

    private final Settings settings;
    private final SizeLimit limit;
    private final HttpClient client;

    public CboeHttpSource(Settings settings) {
        this(settings, SizeLimit.DEFAULT);
    }

    /** @param limit the most bytes a file may have; a larger one fails without being read whole */
    public CboeHttpSource(Settings settings, SizeLimit limit) {
        this.settings = settings;
        this.limit = limit;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SourceFile> fetch() {
        return settings.urls().entrySet().stream()
                .map(entry -> new SourceFile(entry.getKey(), entry.getValue().toString(), download(entry.getValue())))
                .toList();
    }

    private String download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Accept", "text/csv, text/plain, */*")
                .header("User-Agent", "vixlab-data-ingest")
                .GET()
                .build();
        String lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                if (attempt > 1) {
                    Thread.sleep(settings.initialBackoff().multipliedBy(1L << (attempt - 2)).toMillis());
                }
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status >= 200 && status < 300) {
                        return limit.read(body, url.toString());
                    }
                }
                lastFailure = "HTTP " + status;
                if (status < 500) {
                    throw new SourceUnavailableException("GET " + url + " failed: " + lastFailure);
                }
            } catch (HttpTimeoutException e) {
                lastFailure = "timed out after " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                lastFailure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("GET " + url + " was interrupted", e);
            }
        }
        throw new SourceUnavailableException(
                "GET " + url + " failed after " + settings.maxAttempts() + " attempts: " + lastFailure);
    }
}
