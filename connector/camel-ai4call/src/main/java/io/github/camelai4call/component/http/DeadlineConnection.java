package io.github.camelai4call.component.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;

/**
 * An HTTP/1.1 client connection whose wait for an answer ends at a deadline that {@link AnswerDeadlines} enforces
 * from another thread, instead of a socket read timeout.
 * <p>
 * With a read timeout (SO_TIMEOUT) every read of the JDK's socket that finds no data yet becomes a timed poll; on
 * loopback at 8 callers that cost about 15% of the throughput of short calls, all of it kernel time. So the socket
 * has no read timeout: the deadline starts when the request has been sent, ends when the answer has been read, and
 * when it passes first, the connection is closed, which ends the blocked read with a
 * {@link SocketTimeoutException}. The connection is then never reused. Only the requester's exchange-end check
 * ({@link #isConsistent()}, called when the answer has been read) ends a deadline.
 */
final class DeadlineConnection extends DefaultBHttpClientConnection {

    private static final int IDLE = 0;
    private static final int WAITING = 1;
    private static final int EXPIRED = 2;

    private final AnswerDeadlines deadlines;
    /** IDLE, WAITING for an answer (deadline set), or EXPIRED (closed by the deadline; never used again). */
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile long deadlineNanos;

    private DeadlineConnection(AnswerDeadlines deadlines) {
        super(Http1Config.DEFAULT);
        this.deadlines = deadlines;
    }

    /** Makes these connections for the requester; TLS sockets arrive here with their handshake done. */
    static HttpConnectionFactory<DeadlineConnection> factory(AnswerDeadlines deadlines) {
        return new HttpConnectionFactory<>() {
            @Override
            public DeadlineConnection createConnection(Socket socket) throws IOException {
                DeadlineConnection c = new DeadlineConnection(deadlines);
                c.bind(socket);
                return c;
            }

            @Override
            public DeadlineConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
                DeadlineConnection c = new DeadlineConnection(deadlines);
                c.bind(sslSocket, socket);
                return c;
            }
        };
    }

    @Override
    public void bind(Socket socket) throws IOException {
        socket.setSoTimeout(0);
        bind(new Holder(socket));
        deadlines.opened(this);
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        // the handshake ran with the connect timeout as read timeout (LazyTlsSocketFactory); from now on, deadlines
        sslSocket.setSoTimeout(0);
        socket.setSoTimeout(0);
        bind(new Holder(sslSocket, socket));
        deadlines.opened(this);
    }

    /** The request is out: the answer must be complete before the deadline. */
    @Override
    public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
        if (deadlines.timeoutNanos() > 0) { // requestTimeout=0: wait as long as the server takes
            deadlineNanos = System.nanoTime() + deadlines.timeoutNanos();
            state.compareAndSet(IDLE, WAITING);
        }
        return super.receiveResponseHeader();
    }

    /** Closes the connection if its answer is overdue at {@code now}; true if it did. */
    boolean expireIfOverdue(long now) {
        if (state.get() != WAITING || now - deadlineNanos < 0 || !state.compareAndSet(WAITING, EXPIRED)) {
            return false;
        }
        close(CloseMode.IMMEDIATE);
        return true;
    }

    /**
     * Asked by the requester once the exchange is over, before the connection goes back to the pool: ends the
     * deadline, or answers false if the deadline already ended the exchange (the connection is closed, perhaps
     * half-way through an answer, and must not be reused). One atomic step, so that the deadline cannot close a
     * connection that is already back in the pool.
     */
    @Override
    public boolean isConsistent() {
        boolean ours = state.compareAndSet(WAITING, IDLE) || state.get() == IDLE;
        return ours && super.isConsistent();
    }

    @Override
    public void close(CloseMode closeMode) {
        deadlines.closed(this);
        super.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        deadlines.closed(this);
        super.close();
    }

    /** Reads that fail because the deadline closed the socket say so, as a socket read timeout would. */
    private final class Holder extends SocketHolder {

        Holder(Socket socket) {
            super(socket);
        }

        Holder(SSLSocket sslSocket, Socket socket) {
            super(sslSocket, socket);
        }

        @Override
        protected InputStream getInputStream(Socket socket) throws IOException {
            return new FilterInputStream(super.getInputStream(socket)) {
                @Override
                public int read() throws IOException {
                    try {
                        return in.read();
                    } catch (IOException e) {
                        throw translated(e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return in.read(b, off, len);
                    } catch (IOException e) {
                        throw translated(e);
                    }
                }
            };
        }

        private IOException translated(IOException e) {
            if (state.get() != EXPIRED) {
                return e;
            }
            SocketTimeoutException timeout = new SocketTimeoutException(
                    "no complete answer within the request timeout of " + deadlines.timeoutNanos() / 1_000_000 + " ms");
            timeout.initCause(e);
            return timeout;
        }
    }
}
