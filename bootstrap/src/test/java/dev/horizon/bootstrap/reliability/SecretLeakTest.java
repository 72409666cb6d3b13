package dev.horizon.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer.Fault;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.bootstrap.testsupport.DemoReplayConfig;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TARGETS.md "Security": the Alpaca key pair never reaches an output. {@code horizon cycle},
 * {@code status}, {@code config validate} and a running {@code horizon run} (its {@code /metrics}
 * and {@code /status}) run as real processes with the keys in their environment, against a fake
 * Alpaca account on loopback — with the keys the fake accepts (and a server that quotes them back
 * in its error answers), and with a planted secret it refuses — and every byte they leave behind is
 * searched for the keys: standard output and error, the admin answers, the state database (with
 * its journal), and every file under the working directory.
 */
class SecretLeakTest {

    private static final String PLANTED = "PLANTED-s3cr3t-4b9e1f07c2";
    private static final String PLANTED_KEY_ID = "PKPLANTEDKEYID000042";
    private static final String CONFIG = DemoReplayConfig.of("leak", """
            broker:
              type: alpaca
            """) + """
            alpaca:
              trading_url: ${ALPACA_TRADING_URL}
              connect_timeout_ms: 500
              read_timeout_ms: 2000
              retry:
                initial_backoff_ms: 5
                max_backoff_ms: 20
            """;

    @TempDir
    Path root;

    private Path work;
    private Path outputs;
    private FakeAlpacaServer fake;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(root.resolve("work"));
        outputs = Files.createDirectories(root.resolve("outputs"));
        Files.writeString(work.resolve("alpaca.yaml"), CONFIG);
        fake = FakeAlpacaServer.start(new BigDecimal("50000.00"));
        fake.quote(Symbol.of("BTC/USD"), new BigDecimal("1000.00"), new BigDecimal("1000.10"));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void the_accepted_key_pair_appears_in_no_output_state_journal_or_file_even_when_the_server_echoes_it() throws Exception {
        Map<String, String> env = environment(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY);
        // a misbehaving server quoting the key headers back in its error answers, retried by the adapter
        fake.inject(Fault.echoingCredentials("GET", "/v2/positions", 500));
        fake.inject(Fault.echoingCredentials("GET", "/v2/account", 503));

        Run cycle = horizon(env, "cycle", "--config", "alpaca.yaml", "--debug");
        Run status = horizon(env, "status", "--config", "alpaca.yaml");
        Run json = horizon(env, "status", "--config", "alpaca.yaml", "--log-format", "json");
        Run validate = horizon(env, "config", "validate", "alpaca.yaml");

        assertThat(cycle.exitCode()).as(cycle.toString()).isZero();
        assertThat(cycle.stdout()).startsWith("cycle 1 at 2013-11-29T00:00:00Z: PV 50000.00, cash 50000.00");
        assertThat(fake.exchanges()).as("the echoing answers were served and the key pair was sent")
                .anySatisfy(e -> assertThat(e.responseBody()).contains(FakeAlpacaServer.SECRET_KEY))
                .allSatisfy(e -> assertThat(e.request().getHeader("APCA-API-SECRET-KEY"))
                        .isEqualTo(FakeAlpacaServer.SECRET_KEY));
        assertThat(cycle.stderr()).contains("retry 1 of 2");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("broker       alpaca: circuit breaker CLOSED");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).contains("alpaca:").contains(fake.baseUrl());
        assertThat(journalText()).as("the journal was read").contains("DecisionRecorded");

        for (String secret : List.of(FakeAlpacaServer.SECRET_KEY, FakeAlpacaServer.KEY_ID)) {
            assertThat(leaks(secret, cycle, status, json, validate)).as("places holding %s", secret).isEmpty();
        }
    }

    @Test
    void a_planted_secret_the_account_refuses_appears_in_no_output_or_file_and_the_error_names_only_the_variables()
            throws Exception {
        Map<String, String> env = environment(PLANTED_KEY_ID, PLANTED);

        Run cycle = horizon(env, "cycle", "--config", "alpaca.yaml");
        Run debug = horizon(env, "cycle", "--config", "alpaca.yaml", "--debug", "--log-format", "json");
        Run validate = horizon(env, "config", "validate", "alpaca.yaml");

        assertThat(cycle.exitCode()).as(cycle.toString()).isEqualTo(1);
        assertThat(cycle.errorLines()).last().asString().startsWith("horizon: alpaca GET /v2/account refused the API key")
                .contains("check ALPACA_API_KEY_ID and ALPACA_API_SECRET_KEY");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.stderr()).as("--debug prints the stack trace").contains("BrokerUnavailableException");
        assertThat(fake.exchanges()).as("the planted secret was sent, and refused")
                .allSatisfy(e -> {
                    assertThat(e.request().getHeader("APCA-API-SECRET-KEY")).isEqualTo(PLANTED);
                    assertThat(e.status()).isEqualTo(401);
                });
        assertThat(validate.exitCode()).as(validate.toString()).isZero();

        assertThat(leaks(PLANTED, cycle, debug, validate)).isEmpty();
        assertThat(leaks(PLANTED_KEY_ID, cycle, debug, validate)).isEmpty();
    }

    @Test
    void a_running_engine_serves_the_alpaca_breaker_in_metrics_and_status_without_the_keys() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.writeString(work.resolve("alpaca.yaml"), CONFIG + "admin:\n  bind: 127.0.0.1:" + port
                + "\n  token: ${ADMIN_TOKEN}\n");
        Map<String, String> env = environment(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY);
        env.put("ADMIN_TOKEN", "admin-token-77e1");
        fake.inject(Fault.echoingCredentials("GET", "/v2/positions", 502));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Process engine = start(env, "run", "--config", "alpaca.yaml", "--speed", "600");
        String metrics;
        String status;
        Run statusCommand;
        try {
            status = awaitBody(http, base + "/status", "\"circuit_breaker\"", engine);
            metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            statusCommand = horizon(env, "status", "--config", "alpaca.yaml");
        } finally {
            engine.destroy();
        }
        Run run = finish(engine, "run");

        assertThat(metrics).contains("horizon_broker_circuit_open 0.0")
                .contains("horizon_broker_circuit_state{state=\"CLOSED\"} 1.0")
                .containsPattern("horizon_broker_retries_total [1-9]");
        assertThat(status).contains("\"broker\":{\"adapter\":\"alpaca\",\"circuit_breaker\":{\"state\":\"CLOSED\"")
                .contains("\"last_failure\":\"alpaca GET /v2/positions: HTTP 502: key **** with secret ****");
        assertThat(statusCommand.stdout()).contains("(engine running)")
                .contains("broker       alpaca: circuit breaker CLOSED");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Run served = new Run("GET /metrics and /status", 0, metrics + status, "");
        for (String secret : List.of(FakeAlpacaServer.SECRET_KEY, FakeAlpacaServer.KEY_ID)) {
            assertThat(leaks(secret, run, statusCommand, served)).as("places holding %s", secret).isEmpty();
        }
    }

    /** Polls {@code url} until its body contains {@code expected}; fails if the engine ends or 60 s pass. */
    private static String awaitBody(HttpClient http, String url, String expected, Process engine) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            if (!engine.isAlive()) {
                throw new AssertionError("the engine ended (exit " + engine.exitValue() + ") before " + url
                        + " showed " + expected);
            }
            try {
                body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains(expected)) {
                    return body;
                }
            } catch (java.net.ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " never showed " + expected + "; last: " + body);
    }

    @Test
    void the_search_finds_a_secret_wherever_it_is_written() throws Exception {
        // the search itself must be able to fail: a secret in a nested binary file, in output, in the journal text
        Path nested = Files.createDirectories(work.resolve("var/deep"));
        Files.write(nested.resolve("blob.bin"), ("\u0000\u0001" + PLANTED + "\u0002").getBytes(StandardCharsets.UTF_8));
        Run run = new Run("test", 0, "out " + PLANTED, "");

        assertThat(leaks(PLANTED, run)).containsExactlyInAnyOrder("stdout of test", work.relativize(nested
                .resolve("blob.bin")).toString());
    }

    private Map<String, String> environment(String keyId, String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("ALPACA_API_KEY_ID", keyId);
        env.put("ALPACA_API_SECRET_KEY", secret);
        env.put("ALPACA_TRADING_URL", fake.baseUrl());
        return env;
    }

    /** Every place {@code secret} was found: outputs of the runs, files under the working directory, the journal. */
    private List<String> leaks(String secret, Run... runs) throws IOException {
        List<String> found = new ArrayList<>();
        for (Run r : runs) {
            if (r.stdout().contains(secret)) {
                found.add("stdout of " + r.name());
            }
            if (r.stderr().contains(secret)) {
                found.add("stderr of " + r.name());
            }
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (contains(Files.readAllBytes(f), needle)) {
                    found.add(work.relativize(f).toString());
                }
            }
        }
        if (Files.exists(work.resolve("var/state.db")) && journalText().contains(secret)) {
            found.add("journal");
        }
        return found;
    }

    /** The journal's entries as text (a secret could be stored compressed or encoded in a database page). */
    private String journalText() {
        if (!Files.exists(work.resolve("var/state.db"))) {
            return "";
        }
        try (SqliteStateStore store = SqliteStateStore.open(work.resolve("var/state.db"))) {
            StringBuilder text = new StringBuilder();
            for (JournalEntry e : store.journal(0, Long.MAX_VALUE)) {
                text.append(e.getClass().getSimpleName()).append(' ').append(e).append('\n');
            }
            store.load().ifPresent(s -> text.append(s.state()).append('\n'));
            return text.toString();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ horizon as a real process

    private record Run(String name, int exitCode, String stdout, String stderr) {
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return name + ": exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private int runs;
    private final Map<Process, Integer> processes = new HashMap<>();

    /** {@code horizon args...} as {@code java -cp <this class path> dev.horizon.bootstrap.Main}, run to the end. */
    private Run horizon(Map<String, String> env, String... args) throws Exception {
        return finish(start(env, args), String.join(" ", args));
    }

    /** Starts {@code horizon args...} in the working directory, its output captured to files under {@code outputs}. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        int n = ++runs;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.horizon.bootstrap.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(outputs.resolve("out-" + n + ".txt").toFile())
                .redirectError(outputs.resolve("err-" + n + ".txt").toFile());
        builder.environment().remove("HORIZON_LIVE");
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.put(process, n);
        return process;
    }

    /** Waits for {@code process} to end and reads what it printed. */
    private Run finish(Process process, String name) throws Exception {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not finish within 90 s");
            }
        } finally {
            process.destroyForcibly();
        }
        int n = processes.get(process);
        return new Run(name, process.exitValue(), Files.readString(outputs.resolve("out-" + n + ".txt"),
                StandardCharsets.UTF_8), Files.readString(outputs.resolve("err-" + n + ".txt"), StandardCharsets.UTF_8));
    }
}
