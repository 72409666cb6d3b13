package dev.horizon.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of the harnesses, with defaults. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    EngineFixture.Models models(String fallback) {
        return EngineFixture.Models.valueOf(text("models", fallback).toUpperCase());
    }

    EngineFixture.Store store(String fallback) {
        return EngineFixture.Store.valueOf(text("store", fallback).toUpperCase());
    }
}
