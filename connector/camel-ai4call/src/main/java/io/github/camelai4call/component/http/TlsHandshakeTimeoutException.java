package io.github.camelai4call.component.http;

import java.net.SocketTimeoutException;

/**
 * The TLS handshake of a new connection got no answer within the connect timeout: the request never left. Most often
 * an https baseUrl on a server that speaks plain http, which waits for a request line that never comes; trying again
 * would wait as long again, so it is never retried.
 */
public final class TlsHandshakeTimeoutException extends SocketTimeoutException {

    private static final long serialVersionUID = 1L;

    TlsHandshakeTimeoutException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
