package dev.horizon.bootstrap.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.bootstrap.spi.AdapterKind;

/**
 * The config as the engine will run it, every default filled in, as YAML: what
 * {@code horizon config validate} prints. Secrets print as {@value Secret#MASK}.
 */
public final class EffectiveConfig {

    private EffectiveConfig() {
    }

    /** {@code config} as YAML, sections in the order of docs/CONFIG.md. */
    public static String yaml(HorizonConfig config) {
        ObjectMapper mapper = ConfigMapper.yamlWriter();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode core = mapper.valueToTree(config.core());
        root.setAll(core);
        for (AdapterKind kind : AdapterKind.values()) {
            SelectedAdapter a = config.adapter(kind);
            ObjectNode section = root.putObject(kind.section());
            section.put("type", a.name());
            ObjectNode settings = mapper.valueToTree(a.config());
            if (a.section().equals(kind.section())) {
                section.setAll(settings);
            } else {
                root.set(a.section(), settings);
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the effective config", e);
        }
    }
}
