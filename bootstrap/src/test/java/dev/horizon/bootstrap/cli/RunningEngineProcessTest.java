package dev.horizon.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running engine is watched and steered: admin endpoint, status read-only, commands queued for its next cycle. */
class RunningEngineProcessTest {

    private static final String TOKEN = "admin-token-3f9a1c";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void admin_endpoint_status_and_operator_commands_reach_a_running_engine() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("replay.yaml"), CliCommandsTest.REPLAY_CONFIG
                + "admin:\n  bind: 127.0.0.1:" + port + "\n  token: ${ADMIN_TOKEN}\n");
        Map<String, String> env = Map.of("ADMIN_TOKEN", TOKEN);
        try (HorizonProcess engine = HorizonProcess.start(dir, env, "run", "--config", "replay.yaml", "--speed", "600")) {
            engine.awaitOutput("cycle ");
            String base = "http://127.0.0.1:" + port;

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("horizon_decisions_total");
            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/pause"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);

            HorizonProcess.Result status = HorizonProcess.run(dir, env, "status", "--config", "replay.yaml");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("(engine running)");

            HorizonProcess.Result pause = HorizonProcess.run(dir, env, "pause", "--config", "replay.yaml");
            assertThat(pause.exitCode()).as(pause.toString()).isZero();
            assertThat(pause.stdout()).contains("pause: queued for the running engine (pid " + engine.process.pid());
            awaitStatus(base, "\"paused\":true");

            HttpResponse<String> resume = http.send(HttpRequest.newBuilder(URI.create(base + "/resume"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(resume.statusCode()).isEqualTo(202);
            awaitStatus(base, "\"paused\":false");

            engine.process.destroy();
            HorizonProcess.Result stopped = engine.await();
            assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
            assertThat(stopped.stdout() + stopped.stderr()).doesNotContain(TOKEN);
        }
    }

    private void awaitStatus(String base, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/status never showed " + expected + "; last: " + body);
    }
}
