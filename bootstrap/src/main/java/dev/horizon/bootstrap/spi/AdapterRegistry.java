package dev.horizon.bootstrap.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The adapters found on the classpath, by kind and name. */
public final class AdapterRegistry {

    private final Map<AdapterKind, Map<String, AdapterProvider<?>>> byKind;

    private AdapterRegistry(Map<AdapterKind, Map<String, AdapterProvider<?>>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Every {@link AdapterProvider} registered through {@link ServiceLoader} on the class path of
     * {@code loader}.
     *
     * @throws IllegalStateException when two providers of one kind share a name
     */
    public static AdapterRegistry discover(ClassLoader loader) {
        List<AdapterProvider<?>> found = new ArrayList<>();
        for (AdapterProvider<?> p : ServiceLoader.load(AdapterProvider.class, loader)) {
            found.add(p);
        }
        return of(found);
    }

    /** A registry of exactly {@code providers}. */
    public static AdapterRegistry of(List<? extends AdapterProvider<?>> providers) {
        Map<AdapterKind, Map<String, AdapterProvider<?>>> map = new EnumMap<>(AdapterKind.class);
        for (AdapterKind k : AdapterKind.values()) {
            map.put(k, new TreeMap<>());
        }
        for (AdapterProvider<?> p : providers) {
            AdapterProvider<?> previous = map.get(p.kind()).putIfAbsent(p.name(), p);
            if (previous != null) {
                throw new IllegalStateException("two " + p.kind().label() + " adapters are named '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        map.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new AdapterRegistry(map);
    }

    /** The provider of {@code kind} named {@code name}. */
    public Optional<AdapterProvider<?>> find(AdapterKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The names known for {@code kind}, sorted. */
    public List<String> names(AdapterKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** Every provider, by kind then name. */
    public List<AdapterProvider<?>> all() {
        List<AdapterProvider<?>> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        return all;
    }
}
