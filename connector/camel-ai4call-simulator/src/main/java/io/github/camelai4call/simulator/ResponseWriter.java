package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes answers: the contract's Error body, and a response whole or, for the truncate fault, cut to half its body. */
final class ResponseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

    private ResponseWriter() {
    }

    /** The contract's ApiError answer of an exception. */
    static Http.Response error(ApiException e, String requestId) {
        ObjectNode o = Json.obj();
        o.put("status", e.status);
        o.put("code", e.code);
        o.put("message", e.getMessage());
        if (e.field != null) o.put("field", e.field);
        o.put("requestId", requestId);
        Http.Response r = Http.Response.json(e.status, o);
        if (e.retryAfterSeconds != null) r.header("Retry-After", String.valueOf(e.retryAfterSeconds));
        return r;
    }

    /**
     * Sends an answer.
     *
     * @param truncate send the full Content-Length but only half the body: closing the exchange with bytes missing
     *                 closes the connection
     */
    static void send(HttpExchange ex, Http.Response r, String requestId, boolean truncate) throws IOException {
        Headers rh = ex.getResponseHeaders();
        rh.set("Content-Type", "application/json");
        rh.set("X-Request-Id", requestId);
        r.headers.forEach(rh::set);
        byte[] body = r.body;
        if (body == null && truncate) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            r.writer.write(buf);
            body = buf.toByteArray();
        }
        if (body != null) {
            ex.sendResponseHeaders(r.status, body.length == 0 ? -1 : body.length);
            OutputStream os = ex.getResponseBody();
            if (truncate) {
                os.write(body, 0, body.length / 2);
                os.flush();
                LOG.debug("Fault: truncated a body of {} bytes to {}", body.length, body.length / 2);
                return;
            }
            os.write(body);
            os.close();
        } else {
            ex.sendResponseHeaders(r.status, 0);
            try (OutputStream os = new BufferedOutputStream(ex.getResponseBody(), 32 * 1024)) {
                r.writer.write(os);
            }
        }
    }
}
