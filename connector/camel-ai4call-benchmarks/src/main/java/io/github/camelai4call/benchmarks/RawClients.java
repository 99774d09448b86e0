package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/** The two raw HTTP clients: what a hand-written integration without Camel would do. */
final class RawClients {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private RawClients() {
    }

    static void check(int status, Client.Op op) throws IOException {
        int expected = op == Client.Op.outboundCall ? 202 : 200;
        if (status != expected) {
            throw new IOException(op + " answered HTTP " + status);
        }
    }

    /** (a) Apache HttpClient 5 classic, one shared client over a pooling connection manager. */
    static final class ApacheHttpClient5 implements Client {
        private final String baseUrl;
        private final String email;
        private final String key;
        private final Map<String, Object> outboundBody;
        private final PoolingHttpClientConnectionManager pool;
        private final CloseableHttpClient http;

        ApacheHttpClient5(String baseUrl, String email, String key, Map<String, Object> outboundBody) {
            this.baseUrl = baseUrl;
            this.email = email;
            this.key = key;
            this.outboundBody = outboundBody;
            this.pool = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(50).setMaxConnPerRoute(50).build();
            this.http = HttpClients.custom().setConnectionManager(pool).build();
        }

        @Override
        public Object call(Op op) throws Exception {
            ClassicHttpRequest req;
            if (op == Op.listAssistants) {
                req = new HttpGet(baseUrl + "/api/v1/assistants");
            } else {
                HttpPost post = new HttpPost(baseUrl + "/webhook/outbound_call");
                post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(outboundBody), ContentType.APPLICATION_JSON));
                req = post;
            }
            req.setHeader("x-client-email", email);
            req.setHeader("x-portal-api-key", key);
            req.setHeader("Accept", "application/json");
            return http.execute(req, response -> {
                check(response.getCode(), op);
                try (InputStream in = response.getEntity().getContent()) {
                    return MAPPER.readTree(in);
                }
            });
        }

        @Override
        public void close() throws Exception {
            http.close();
        }
    }

    /** (b) java.net.http.HttpClient forced to HTTP/1.1, one shared client. */
    static final class JdkHttpClient implements Client {
        private final String baseUrl;
        private final String email;
        private final String key;
        private final Map<String, Object> outboundBody;
        private final java.net.http.HttpClient http;

        JdkHttpClient(String baseUrl, String email, String key, Map<String, Object> outboundBody) {
            this.baseUrl = baseUrl;
            this.email = email;
            this.key = key;
            this.outboundBody = outboundBody;
            this.http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        @Override
        public Object call(Op op) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder()
                    .header("x-client-email", email)
                    .header("x-portal-api-key", key)
                    .header("Accept", "application/json");
            if (op == Op.listAssistants) {
                b.uri(URI.create(baseUrl + "/api/v1/assistants")).GET();
            } else {
                b.uri(URI.create(baseUrl + "/webhook/outbound_call"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(outboundBody)));
            }
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            check(response.statusCode(), op);
            JsonNode node = MAPPER.readTree(response.body());
            return node;
        }
    }
}
