package io.github.camelai4call.benchmarks;

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
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            RequestReader reader = new RequestReader(in);
            for (String key = reader.next(); key != null; key = reader.next()) {
                // the whole recorded answer in one write: one system call, as a tuned server would do it
                out.write(answers.getOrDefault(key, NOT_FOUND));
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

    /**
     * Reads requests from one connection into its own buffer, scanning bytes in place: per request it makes one
     * string (method and path, the key of the answer) and no other object, so the server's own CPU cost stays
     * small next to the clients'.
     */
    static final class RequestReader {

        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

        private final InputStream in;
        private byte[] buf = new byte[16 * 1024];
        private int start;
        private int end;

        RequestReader(InputStream in) {
            this.in = in;
        }

        /** "METHOD /path" of the next request (its query and body skipped), or null at the end of the stream. */
        String next() throws IOException {
            int headEnd;
            while ((headEnd = find(start, end)) < 0) {
                if (!fill()) {
                    return null;
                }
            }
            int lineEnd = indexOf((byte) '\n', start, headEnd);
            int sp1 = indexOf((byte) ' ', start, lineEnd);
            int pathEnd = sp1 + 1;
            while (pathEnd < lineEnd && buf[pathEnd] != ' ' && buf[pathEnd] != '?' && buf[pathEnd] != '\r') {
                pathEnd++;
            }
            String key = new String(buf, start, pathEnd - start, StandardCharsets.US_ASCII);
            long length = contentLength(lineEnd + 1, headEnd);
            start = headEnd;
            skip(length);
            return key;
        }

        /** The index just after the blank line ending the head in buf[from, to), or -1. */
        private int find(int from, int to) {
            for (int i = from; i + 3 < to; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private int indexOf(byte b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (buf[i] == b) {
                    return i;
                }
            }
            return to;
        }

        private long contentLength(int from, int to) {
            for (int line = from; line < to; line = indexOf((byte) '\n', line, to) + 1) {
                if (startsWithIgnoreCase(line, to, CONTENT_LENGTH)) {
                    long n = 0;
                    for (int i = line + CONTENT_LENGTH.length; i < to && buf[i] != '\r'; i++) {
                        if (buf[i] >= '0' && buf[i] <= '9') {
                            n = n * 10 + (buf[i] - '0');
                        }
                    }
                    return n;
                }
            }
            return 0;
        }

        private boolean startsWithIgnoreCase(int at, int to, byte[] prefix) {
            if (at + prefix.length > to) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((buf[at + i] | 0x20) != prefix[i] && buf[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private void skip(long length) throws IOException {
            long buffered = Math.min(length, end - start);
            start += (int) buffered;
            in.skipNBytes(length - buffered);
            if (start == end) {
                start = 0;
                end = 0;
            }
        }

        /** Reads more bytes after the buffered ones (moved to the front first); false at the end of the stream. */
        private boolean fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }
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
