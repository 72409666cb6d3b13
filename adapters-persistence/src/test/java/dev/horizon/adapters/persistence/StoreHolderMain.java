package dev.horizon.adapters.persistence;

import dev.horizon.adapters.persistence.jsonfile.JsonFileStateStore;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.port.StateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second engine in its own process: opens a store, reports {@code READY <pid>} (or
 * {@code REFUSED <message>}), and holds the store until its standard input closes or says a line.
 */
public final class StoreHolderMain {

    private StoreHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path location = Path.of(args[1]);
        StateStore store;
        try {
            store = "sqlite".equals(args[0]) ? SqliteStateStore.open(location) : JsonFileStateStore.open(location);
        } catch (RuntimeException e) {
            System.out.println("REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.out.flush();
            return;
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            in.readLine();
        } finally {
            store.close();
        }
    }
}
