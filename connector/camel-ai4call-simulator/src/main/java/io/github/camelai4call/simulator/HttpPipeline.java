package io.github.camelai4call.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request, in order: admin requests to the {@link AdminApi}; the others routed by the contract, counted, put
 * through the injected faults, authenticated, read, validated against the contract and answered by their
 * operation's handler; then logged.
 */
final class HttpPipeline implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Contract contract;
    private final Faults faults;
    private final RequestLog log;
    private final AdminApi admin;
    private final Customers customers;
    private final Handlers handlers;
    private final AtomicLong requestSeq = new AtomicLong();

    HttpPipeline(Contract contract, Faults faults, RequestLog log, AdminApi admin, Customers customers, Handlers handlers) {
        this.contract = contract;
        this.faults = faults;
        this.log = log;
        this.admin = admin;
        this.customers = customers;
        this.handlers = handlers;
    }

    @Override
    public void handle(HttpExchange ex) {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        String requestId = "req_" + Long.toString(System.currentTimeMillis(), 36) + Long.toString(requestSeq.incrementAndGet(), 36);
        String operationId = null;
        RequestLog.Ending ending = RequestLog.Ending.ANSWERED;
        int status = 0;
        try {
            if (rawPath.startsWith(AdminApi.PREFIX)) {
                Http.Response r;
                try {
                    if (!AdminApi.allows(ex.getRemoteAddress().getAddress())) {
                        throw new ApiException(403, "FORBIDDEN", "The admin API answers only loopback callers", null);
                    }
                    r = admin.handle(method, rawPath, Http.parseQuery(ex.getRequestURI().getRawQuery()), readBody(ex));
                } catch (ApiException e) {
                    r = ResponseWriter.error(e, requestId);
                }
                ResponseWriter.send(ex, r, requestId, false);
                return;
            }
            Contract.Match m;
            try {
                m = contract.match(method, rawPath);
                if (m == null) throw ApiException.notFound("No operation at " + method + " " + rawPath, null);
            } catch (ApiException e) {
                ResponseWriter.send(ex, ResponseWriter.error(e, requestId), requestId, false);
                return;
            }
            operationId = m.route().operationId();
            log.arrived(operationId);

            Faults.Decision decision = faults.next(operationId);
            if (decision.delayMillis > 0) {
                Thread.sleep(decision.delayMillis);
            }
            Fault fault = decision.terminal;
            if (fault != null && fault.type() == Fault.Type.DROP_CONNECTION) {
                ending = RequestLog.Ending.DROPPED;
                LOG.debug("Fault: dropping the connection of {} {}", method, operationId);
                return; // closed in finally, before any response: the connection is closed
            }
            if (fault != null && fault.type() == Fault.Type.STATUS) {
                status = fault.status();
                Http.Response r = ResponseWriter.error(ApiException.injected(fault.status()), requestId);
                if (fault.retryAfterSeconds() != null) r.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                ResponseWriter.send(ex, r, requestId, false);
                return;
            }
            boolean truncate = fault != null && fault.type() == Fault.Type.TRUNCATE_BODY;
            Http.Ctx c = new Http.Ctx(operationId, method, rawPath, requestId, m.pathParams(),
                    Http.parseQuery(ex.getRequestURI().getRawQuery()), ex);
            Http.Response r;
            try {
                r = process(c, m.route());
            } catch (ApiException e) {
                r = ResponseWriter.error(e, requestId);
            }
            status = r.status;
            if (truncate) ending = RequestLog.Ending.TRUNCATED;
            ResponseWriter.send(ex, r, requestId, truncate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("I/O failure answering {} {} (client gone?): {}", method, operationId, e.toString());
        } catch (Throwable t) {
            LOG.warn("Failure answering {} {}: {}", method, operationId, t.toString(), t);
            status = 500;
            try {
                ResponseWriter.send(ex, ResponseWriter.error(new ApiException(500, "INTERNAL_ERROR", "Simulator failure: " + t, null),
                        requestId), requestId, false);
            } catch (Throwable ignored) {
                // headers may have been sent already
            }
        } finally {
            ex.close();
            if (operationId != null) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.debug("{} {} -> {} {} ({} ms)", method, operationId, ending, status, ms);
                log.ended(requestId, method, rawPath, operationId, ending, status, ms);
            }
        }
    }

    private Http.Response process(Http.Ctx c, Contract.Route route) throws IOException {
        HttpExchange ex = c.exchange;
        Headers h = ex.getRequestHeaders();
        if (route.secured()) {
            c.customer = customers.require(h.getFirst("x-client-email"), h.getFirst("x-portal-api-key"), c.remote);
        }
        String ct = h.getFirst("Content-Type");
        boolean multipart = ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (!multipart) {
            c.rawBody = readBody(ex);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        h.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        contract.validate(c.method, c.rawPath, c.query, headers, c.rawBody, multipart);
        if (c.rawBody != null) {
            try {
                c.body = Json.MAPPER.readTree(c.rawBody);
            } catch (IOException e) {
                throw new ApiException(400, "MALFORMED_REQUEST", "The body is not valid JSON", null);
            }
        }
        return handlers.handle(c);
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) throw ApiException.badRequest("The body exceeds " + MAX_BODY_BYTES + " bytes", null);
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
