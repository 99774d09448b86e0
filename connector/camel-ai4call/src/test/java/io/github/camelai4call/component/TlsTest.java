package io.github.camelai4call.component;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.model.HealthStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS with a certificate the JVM does not trust: refused by default, accepted with SSLContextParameters that trust
 * it, and refused again when the host name does not match the certificate.
 */
class TlsTest {

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static File keystore;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keystore = dir.resolve("server.p12").toFile();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.getPath(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static SSLContextParameters trustingTheServer() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keystore.getPath());
        trustStore.setPassword("changeit");
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters params = new SSLContextParameters();
        params.setTrustManagers(trust);
        return params;
    }

    private static Exchange health(String host, SSLContextParameters ssl) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            if (ssl != null) {
                camel.getRegistry().bind("ssl", ssl);
            }
            camel.start();
            String uri = "ai4call:health?maxRetries=0&baseUrl=https://" + host + ":" + server.getAddress().getPort()
                         + (ssl != null ? "&sslContextParameters=#ssl" : "");
            return camel.createProducerTemplate().request(uri, e -> { });
        }
    }

    @Test
    void untrustedCertificateIsRefused() throws Exception {
        Ai4callException e = assertInstanceOf(Ai4callException.class, health("localhost", null).getException());
        assertEquals(0, e.getStatusCode());
        assertInstanceOf(javax.net.ssl.SSLException.class, e.getCause(), "refused by the TLS handshake");
    }

    @Test
    void sslContextParametersTrustTheServer() throws Exception {
        Exchange exchange = health("localhost", trustingTheServer());
        assertEquals(null, exchange.getException());
        assertEquals(HealthStatus.StatusEnum.UP, exchange.getMessage().getBody(HealthStatus.class).getStatus());
    }

    @Test
    @Timeout(30)
    void serverThatNeverCompletesTheHandshakeDoesNotHangTheRoute() throws Exception {
        // accepts the TCP connection, then says nothing: the handshake is bounded by connectTimeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CamelContext camel = new DefaultCamelContext()) {
            // the accepted socket is held until the end: left unreachable, a GC could close it and the client
            // would see the peer hang up instead of a silent server
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            camel.start();
            Exchange exchange = camel.createProducerTemplate().request("ai4call:health?maxRetries=0&connectTimeout=500"
                    + "&baseUrl=https://localhost:" + silent.getLocalPort(), e -> { });
            Ai4callException e = assertInstanceOf(Ai4callException.class, exchange.getException());
            assertEquals(0, e.getStatusCode());
            assertTrue(causedBy(e, SocketTimeoutException.class), () -> "the handshake timed out, but: " + e.getCause());
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void hostNameMustMatchTheCertificate() throws Exception {
        // 127.0.0.1 is loopback (https is not even required there) but the certificate names only localhost
        Ai4callException e = assertInstanceOf(Ai4callException.class,
                health("127.0.0.1", trustingTheServer()).getException());
        assertEquals(0, e.getStatusCode());
        assertInstanceOf(javax.net.ssl.SSLException.class, e.getCause(), "refused by host name verification");
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
