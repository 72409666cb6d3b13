package dev.horizon.adapters.alpaca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The plumbing every fake Alpaca API shares (the trading fake of {@code adapters-broker}, the
 * market data fake of {@code adapters-data}, this module's own tests): a {@link MockWebServer} on
 * 127.0.0.1 without Nagle's algorithm, JSON answers, Alpaca's error body, and the pieces of an
 * {@link AlpacaExchange}. Shipped in this module's test-jar.
 */
public final class AlpacaFakeServers {

    private AlpacaFakeServers() {
    }

    /** A server on 127.0.0.1 (a free port) answering through {@code dispatcher}. */
    public static MockWebServer startOnLoopback(Dispatcher dispatcher) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** Shuts {@code server} down, unchecked. */
    public static void shutdown(MockWebServer server) {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer with {@code status} and a JSON {@code body}. */
    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    /** Alpaca's error answer: {@code {"code": code, "message": message}} with {@code status}. */
    public static MockResponse error(int status, int code, String message) {
        ObjectNode node = AlpacaJson.objectNode();
        node.put("code", code);
        node.put("message", message);
        return json(status, node.toString());
    }

    /**
     * The message of a misbehaving server or proxy that quotes the request's key headers back: the
     * adapters must never repeat it as received.
     */
    public static String credentialEcho(RecordedRequest request) {
        return "key " + request.getHeader("APCA-API-KEY-ID") + " with secret "
                + request.getHeader("APCA-API-SECRET-KEY") + " is not allowed here";
    }

    /**
     * The exchange to record for {@code response} to {@code request}: no status or body when the
     * answer is never delivered (connection dropped, no response).
     */
    public static AlpacaExchange exchange(RecordedRequest request, String requestBody, MockResponse response,
                                          boolean malformed) {
        boolean delivered = response.getSocketPolicy() != SocketPolicy.DISCONNECT_AFTER_REQUEST
                && response.getSocketPolicy() != SocketPolicy.NO_RESPONSE;
        String body = response.getBody() == null ? "" : response.getBody().clone().readUtf8();
        return new AlpacaExchange(request, requestBody, delivered ? statusCode(response) : null,
                delivered ? body : null, malformed);
    }

    /** The status code of a scripted answer. */
    public static int statusCode(MockResponse response) {
        return Integer.parseInt(response.getStatus().split(" ")[1]);
    }

    /**
     * Accepted sockets without Nagle's algorithm: MockWebServer writes headers and body separately,
     * and with Nagle the body waits for the client's delayed ACK (~40 ms a request).
     */
    static final class NoDelayServerSocketFactory extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException("bound by MockWebServer");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException("bound by MockWebServer");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException("bound by MockWebServer");
        }
    }
}
