package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Asks Rspamd over its HTTP protocol ({@code POST /checkv2}) with the envelope and connection
 * facts as request headers; the score is mapped by {@link ScoreScale}, the symbols that added
 * most come first. Rspamd down, slow or answering an error is an {@link IOException}.
 */
final class RspamdEngine implements SpamEngine {

    private final URI checkUri;
    private final Duration timeout;
    private final ScoreScale scale;
    private final HttpClient http;

    RspamdEngine(String baseUrl, int timeoutMillis, ScoreScale scale) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.checkUri = URI.create(base + "/checkv2");
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.scale = scale;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public SpamScore check(InputStream content, MessageFacts facts) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(checkUri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(MessageBytes.read(content)));
        header(request, "IP", facts.remoteIp());
        header(request, "Helo", facts.helo());
        header(request, "Hostname", facts.reverseDns());
        header(request, "From", facts.mailFrom());
        facts.recipients().forEach(rcpt -> header(request, "Rcpt", rcpt));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IOException("Rspamd at " + checkUri + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Rspamd", e);
        } catch (IOException e) {
            throw new IOException("Rspamd at " + checkUri + " failed: " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("Rspamd at " + checkUri + " answered HTTP " + response.statusCode());
        }
        return answer(response.body());
    }

    SpamScore answer(String body) throws IOException {
        if (!(Json.parse(body) instanceof Map<?, ?> reply) || !(reply.get("score") instanceof Double points)) {
            throw new IOException("Rspamd answer without a score");
        }
        List<Map.Entry<String, Double>> symbols = new ArrayList<>();
        if (reply.get("symbols") instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                double score = entry.getValue() instanceof Map<?, ?> symbol && symbol.get("score") instanceof Double d ? d : 0;
                symbols.add(Map.entry(String.valueOf(entry.getKey()), score));
            }
        }
        symbols.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()));
        return new SpamScore(scale.toScore(points), symbols.stream().map(Map.Entry::getKey).toList());
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null && !value.isEmpty()) {
            request.header(name, value);
        }
    }

    @Override
    public String describe() {
        return "rspamd " + checkUri;
    }
}
