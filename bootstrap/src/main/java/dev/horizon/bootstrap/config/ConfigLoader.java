package dev.horizon.bootstrap.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML config into a {@link HorizonConfig}, failing on the first problem with a
 * {@link ConfigException} that names the key path:
 *
 * <ul>
 *   <li>unknown keys, with "did you mean" over the keys of that section;</li>
 *   <li>values of the wrong kind or unit; fractions given as percents;</li>
 *   <li>{@code ${NAME}} (or {@code ${NAME:-default}}) substituted from the environment; a missing
 *       variable is an error naming it;</li>
 *   <li>{@link Secret} keys only from the environment or a {@code <key>_file}, never written in
 *       the YAML itself;</li>
 *   <li>{@code <kind>.type} naming an adapter that is not on the class path, with the known names.</li>
 * </ul>
 */
public final class ConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final AdapterRegistry registry;
    private final Function<String, String> environment;
    private final ObjectMapper mapper = ConfigMapper.reader();

    /**
     * @param registry    the adapters the config may select
     * @param environment environment variables ({@code System::getenv} in production)
     */
    public ConfigLoader(AdapterRegistry registry, Function<String, String> environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /**
     * Loads {@code file}; relative paths inside resolve against the file's directory.
     *
     * @throws ConfigException naming the key (the caller adds the file name with {@link ConfigException#line})
     */
    public HorizonConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(null, "no such file; pass an existing config with --config");
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, file.toString());
    }

    /** Loads a config shipped as a classpath resource; relative paths resolve against {@code base}. */
    public HorizonConfig loadResource(String resource, Path base) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("config resource " + resource + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), base, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read config resource " + resource, e);
        }
    }

    /** Parses YAML text read from {@code source}; relative paths resolve against {@code base}. */
    public HorizonConfig parse(String yaml, Path base, String source) {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(null, where + "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(null, "must be a YAML mapping of sections (engine:, broker:, ...)");
        }
        return parse((ObjectNode) root, base, source);
    }

    private HorizonConfig parse(ObjectNode root, Path base, String source) {
        Set<String> coreKeys = keysOf(CoreConfig.class);
        Set<String> sharedSections = new TreeSet<>();
        registry.all().stream().map(AdapterProvider::section).filter(s -> s != null).forEach(sharedSections::add);
        Set<String> known = new TreeSet<>(coreKeys);
        for (AdapterKind kind : AdapterKind.values()) {
            known.add(kind.section());
        }
        known.addAll(sharedSections);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw unknownKey(key, key, known);
            }
        }
        Map<AdapterKind, SelectedAdapter> adapters = new EnumMap<>(AdapterKind.class);
        for (AdapterKind kind : AdapterKind.values()) {
            adapters.put(kind, select(root, kind, base));
        }
        ObjectNode core = root.deepCopy();
        for (AdapterKind kind : AdapterKind.values()) {
            core.remove(kind.section());
        }
        sharedSections.forEach(core::remove);
        CoreConfig coreConfig = bind(core, CoreConfig.class, "", base);
        return new HorizonConfig(source, base, coreConfig, adapters);
    }

    private SelectedAdapter select(ObjectNode root, AdapterKind kind, Path base) {
        JsonNode node = root.get(kind.section());
        ObjectNode section = objectOrEmpty(node, kind.section());
        JsonNode typeNode = section.get("type");
        String type = kind.defaultType();
        if (typeNode != null && !typeNode.isNull()) {
            if (!typeNode.isTextual()) {
                throw new ConfigException(kind.section() + ".type", "expected an adapter name, e.g. " + kind.defaultType());
            }
            type = substitute(typeNode.asText(), kind.section() + ".type").trim();
        }
        AdapterProvider<?> provider = registry.find(kind, type).orElse(null);
        if (provider == null) {
            throw new ConfigException(kind.section() + ".type", "unknown " + kind.label() + " adapter '" + type
                    + "'; known: " + String.join(", ", registry.names(kind)));
        }
        ObjectNode settings = section.deepCopy();
        settings.remove("type");
        String path = kind.section();
        if (provider.section() != null) {
            if (settings.size() > 0) {
                String extra = settings.fieldNames().next();
                throw new ConfigException(kind.section() + "." + extra, "the " + type + " " + kind.label()
                        + " adapter reads its settings from the " + provider.section() + " section; move it there");
            }
            path = provider.section();
            settings = objectOrEmpty(root.get(path), path);
        }
        Object config = bind(settings, provider.configType(), path, base);
        return new SelectedAdapter(provider, config, path);
    }

    private static ObjectNode objectOrEmpty(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(path, "expected a section of key: value lines");
        }
        return (ObjectNode) node;
    }

    /** Substitutes the environment, resolves secrets and binds {@code node} into {@code type}. */
    <T> T bind(ObjectNode node, Class<T> type, String path, Path base) {
        ObjectNode prepared = node.deepCopy();
        prepare(prepared, type, path, base);
        try {
            return mapper.treeToValue(prepared, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw translate(e, path, type);
        }
    }

    private RuntimeException translate(Exception e, String path, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException ce) {
                return ce;
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String key = join(path, pathOf(u));
            Collection<String> ids = new TreeSet<>();
            u.getKnownPropertyIds().forEach(id -> ids.add(String.valueOf(id)));
            return unknownKey(key, u.getPropertyName(), ids);
        }
        if (e instanceof JsonMappingException m) {
            String key = join(path, pathOf(m));
            if (m instanceof ConfigMapper.ValueProblem) {
                return new ConfigException(key, m.getOriginalMessage());
            }
            if (m instanceof ValueInstantiationException && m.getCause() != null) {
                return new ConfigException(key, firstLine(m.getCause().getMessage()));
            }
            if (m instanceof InvalidFormatException f && f.getTargetType() != Secret.class) {
                return new ConfigException(key, "'" + f.getValue() + "' is not " + describe(f.getTargetType()));
            }
            if (m instanceof MismatchedInputException mi) {
                return new ConfigException(key, "expected " + describe(mi.getTargetType()));
            }
            return new ConfigException(key, firstLine(m.getOriginalMessage()));
        }
        return new ConfigException(path, firstLine(e.getMessage()));
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == int.class
                || target == long.class || target == BigDecimal.class || target == BigInteger.class) {
            return Integer.class == target || int.class == target ? "a whole number" : "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(target) || Collection.class.isAssignableFrom(target)) {
            return "a list, e.g. [a, b]";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a section of key: value lines";
        }
        if (target == String.class) {
            return "text";
        }
        return "a " + target.getSimpleName();
    }

    private static ConfigException unknownKey(String key, String typed, Collection<String> known) {
        String hint = KeySuggestions.closest(typed, known).map(k -> "; did you mean " + k + "?")
                .orElse("; known keys here: " + String.join(", ", known));
        return new ConfigException(key, "unknown key" + hint);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String rest) {
        if (path == null || path.isEmpty()) {
            return rest;
        }
        return rest.isEmpty() ? path : path + "." + rest;
    }

    /**
     * Walks {@code node} as the record {@code type} reads it: substitutes {@code ${NAME}} in every
     * text value, reads {@code <secret>_file} keys into their secret, and refuses secrets written
     * in the YAML. Keys the record does not know are left for the binder to report.
     */
    private void prepare(ObjectNode node, Class<?> type, String path, Path base) {
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                components.put(SNAKE.translate(c.getName()), c);
            }
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String key = join(path, name);
            JsonNode value = node.get(name);
            RecordComponent component = components.get(name);
            if (component == null && name.endsWith("_file")) {
                String secretName = name.substring(0, name.length() - "_file".length());
                RecordComponent secret = components.get(secretName);
                if (secret != null && secret.getType() == Secret.class) {
                    if (node.has(secretName)) {
                        throw new ConfigException(key, "give either " + secretName + " or " + name + ", not both");
                    }
                    node.remove(name);
                    node.set(secretName, TextNode.valueOf(readSecretFile(key, value, base)));
                    continue;
                }
            }
            if (component != null && component.getType() == Secret.class) {
                if (value.isNull()) {
                    continue;
                }
                String raw = value.isTextual() ? value.asText() : value.toString();
                if (!VARIABLE.matcher(raw).find()) {
                    throw new ConfigException(key, "secrets never go in the config itself: write ${ENV_NAME}"
                            + " or " + name + "_file: <path>");
                }
                node.set(name, TextNode.valueOf(substitute(raw, key)));
                continue;
            }
            if (component != null && component.getType().isRecord() && value.isObject()) {
                prepare((ObjectNode) value, component.getType(), key, base);
            } else {
                node.set(name, substituteAll(value, key));
            }
        }
    }

    private JsonNode substituteAll(JsonNode value, String key) {
        if (value.isTextual()) {
            return TextNode.valueOf(substitute(value.asText(), key));
        }
        if (value.isObject()) {
            ObjectNode copy = (ObjectNode) value;
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                copy.set(n, substituteAll(copy.get(n), key + "." + n));
            }
            return copy;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) value).set(i, substituteAll(value.get(i), key + "[" + i + "]"));
            }
        }
        return value;
    }

    private String substitute(String text, String key) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                if (m.group(2) != null) {
                    value = m.group(2);
                } else {
                    throw new ConfigException(key, "environment variable " + m.group(1) + " is not set");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String readSecretFile(String key, JsonNode value, Path base) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigException(key, "expected the path of a file holding the secret");
        }
        Path file = base.resolve(substitute(value.asText(), key).trim());
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new ConfigException(key, file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The snake_case keys of a config record. */
    public static Set<String> keysOf(Class<?> record) {
        Set<String> keys = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            keys.add(SNAKE.translate(c.getName()));
        }
        return keys;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

}
