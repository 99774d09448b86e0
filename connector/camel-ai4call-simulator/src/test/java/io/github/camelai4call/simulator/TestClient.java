package io.github.camelai4call.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** A small java.net.http client for the tests, with contract validation of the responses. */
final class TestClient {

    /** Response validator built once from the same contract resource. */
    static final OpenApiInteractionValidator RESPONSE_VALIDATOR =
            OpenApiInteractionValidator.createFor(Contract.parse(Contract.readResource())).build();

    final String baseUrl;
    final HttpClient http;
    String email = DemoData.DEMO_EMAIL;
    String key = DemoData.DEMO_PORTAL_API_KEY;

    TestClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    TestClient as(String email, String key) {
        TestClient c = new TestClient(baseUrl);
        c.email = email;
        c.key = key;
        return c;
    }

    record Res(int status, String body, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    HttpRequest.Builder request(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (email != null) b.header("x-client-email", email);
        if (key != null) b.header("x-portal-api-key", key);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b;
    }

    Res send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.body() != null && !r.body().isEmpty()) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new Res(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Res call(String method, String path, String jsonBody) {
        return send(request(method, path, jsonBody).build());
    }

    Res get(String path) {
        return call("GET", path, null);
    }

    Res post(String path, String body) {
        return call("POST", path, body);
    }

    Res patch(String path, String body) {
        return call("PATCH", path, body);
    }

    /** Calls and asserts the status and that the response conforms to the contract. */
    Res expect(int status, String method, String path, String body) {
        Res r = call(method, path, body);
        if (r.status() != status) fail(method + " " + path + " answered " + r.status() + " instead of " + status + ": " + r.body());
        assertConforms(method, path, r);
        return r;
    }

    static void assertConforms(String method, String pathAndQuery, Res r) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status())
                .withContentType(r.raw().headers().firstValue("Content-Type").orElse("application/json"));
        if (r.body() != null && !r.body().isEmpty()) b.withBody(r.body());
        r.raw().headers().map().forEach((k, v) -> b.withHeader(k, v));
        ValidationReport report = RESPONSE_VALIDATOR.validateResponse(path, Request.Method.valueOf(method), b.build());
        if (report.hasErrors()) {
            fail(method + " " + path + " response does not conform to the contract: "
                    + report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("; "))
                    + "\n" + r.body());
        }
    }
}
