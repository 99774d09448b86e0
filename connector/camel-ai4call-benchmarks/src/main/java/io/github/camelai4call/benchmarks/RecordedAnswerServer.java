package io.github.camelai4call.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server that answers the two measured requests with bytes recorded from the simulator, at
 * almost no CPU cost: the client benchmark then measures the clients, not the simulator's per-request contract
 * validation. One thread per keep-alive connection; it reads the request line, headers and a Content-Length body,
 * then writes the recorded answer. Anything else gets a 404.
 * <p>
 * It is a measuring instrument, not a server for anything else: no chunked requests, no pipelining guarantees, no
 * TLS.
 */
final class RecordedAnswerServer implements AutoCloseable {

    /** One recorded answer: status line, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
        byte[] toBytes() {
            String head = "HTTP/1.1 " + status + " " + (status < 300 ? "OK" : "Error") + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: keep-alive\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }
    }

    private static final byte[] NOT_FOUND = new Answer(404, "application/json",
            "{\"error\":{\"code\":\"not_found\",\"message\":\"not recorded\"}}".getBytes(StandardCharsets.UTF_8)).toBytes();

    private final ServerSocket server;
    private final Map<String, byte[]> answers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Records the answers to {@code GET /api/v1/assistants} and {@code POST /webhook/outbound_call} from a running
     * simulator and serves them on a free loopback port.
     */
    static RecordedAnswerServer recordFrom(String simulatorUrl, String email, String key, byte[] outboundBody)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Answer list = record(http, HttpRequest.newBuilder(URI.create(simulatorUrl + "/api/v1/assistants")).GET(), email,
                key);
        Answer outbound = record(http, HttpRequest.newBuilder(URI.create(simulatorUrl + "/webhook/outbound_call"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(outboundBody)), email, key);
        return new RecordedAnswerServer(Map.of(
                "GET /api/v1/assistants", list.toBytes(),
                "POST /webhook/outbound_call", outbound.toBytes()));
    }

    private static Answer record(HttpClient http, HttpRequest.Builder b, String email, String key)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(b.header("x-client-email", email).header("x-portal-api-key", key)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() >= 300) {
            throw new IOException("The simulator answered " + r.statusCode() + " while recording " + r.request().uri());
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body());
    }

    RecordedAnswerServer(Map<String, byte[]> answers) throws IOException {
        this.answers = answers;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.acceptor = new Thread(this::accept, "recorded-answers-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "recorded-answers-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 8192)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            while (true) {
                String requestLine = readLine(in, line);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                long length = 0;
                for (String h = readLine(in, line); h != null && !h.isEmpty(); h = readLine(in, line)) {
                    int colon = h.indexOf(':');
                    if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                        length = Long.parseLong(h.substring(colon + 1).trim());
                    }
                }
                in.skipNBytes(length);
                int sp1 = requestLine.indexOf(' ');
                int sp2 = requestLine.indexOf(' ', sp1 + 1);
                String target = requestLine.substring(sp1 + 1, sp2 < 0 ? requestLine.length() : sp2);
                int q = target.indexOf('?');
                String key = requestLine.substring(0, sp1) + " " + (q < 0 ? target : target.substring(0, q));
                out.write(answers.getOrDefault(key, NOT_FOUND));
                out.flush();
            }
        } catch (SocketException | java.io.EOFException e) {
            // client closed the connection
        } catch (IOException e) {
            if (!closed) {
                e.printStackTrace();
            }
        } finally {
            open.remove(s);
        }
    }

    /** One CRLF-terminated ASCII line without its terminator, or null at end of stream. */
    private static String readLine(InputStream in, ByteArrayOutputStream buf) throws IOException {
        buf.reset();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = buf.size();
                String s = buf.toString(StandardCharsets.US_ASCII);
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s;
            }
            buf.write(c);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
