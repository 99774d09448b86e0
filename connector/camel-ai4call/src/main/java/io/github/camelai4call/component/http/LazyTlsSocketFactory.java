package io.github.camelai4call.component.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * An SSLSocketFactory that builds the real one on the first TLS connection. Initialising JSSE (trust store and
 * all) takes longer than starting a CamelContext; an application that only talks to a loopback simulator, or whose
 * first call comes later, should not pay for it at start-up.
 */
final class LazyTlsSocketFactory extends SSLSocketFactory {

    private final Supplier<SSLContext> context;
    private final int handshakeTimeoutMillis;
    private volatile SSLSocketFactory delegate;

    /**
     * @param handshakeTimeoutMillis the longest the TLS handshake on a new connection may take (the connections
     *                               have no read timeout of their own, see DeadlineConnection)
     */
    LazyTlsSocketFactory(Supplier<SSLContext> context, int handshakeTimeoutMillis) {
        this.context = context;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** The JVM's default TLS context. */
    static SSLContext jvmDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No default TLS context in this JVM", e);
        }
    }

    private SSLSocketFactory delegate() {
        SSLSocketFactory d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = context.get().getSocketFactory();
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        // the requester layers TLS on a connected socket here and handshakes next; DeadlineConnection resets it
        s.setSoTimeout(handshakeTimeoutMillis);
        return delegate().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return delegate().createSocket(s, consumed, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate().createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
