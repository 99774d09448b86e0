package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server (the JDK's) serving folders under path prefixes: the Kaoto page and the Kaoto catalog, from
 * one origin as a web server would, so that the page fetches the catalog library by its URL.
 */
final class StaticFileServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "woff2", "font/woff2", "ttf", "font/ttf", "png", "image/png", "xsd",
            "application/xml");

    private final HttpServer server;

    /** @param folders path prefix (such as {@code /catalog/}) to folder, the longest prefix matching first */
    StaticFileServer(Map<String, Path> folders) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        folders.forEach((prefix, folder) -> server.createContext(prefix, exchange -> serve(exchange, prefix, folder)));
        server.start();
    }

    /** The server's address, such as {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, String prefix, Path folder) throws IOException {
        try (exchange) {
            String relative = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = folder.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
