package dev.horizon.adapters.model.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated contents of one {@code model_meta.json}.
 *
 * @param featureList           ordered feature names; empty for raw_sequence models
 * @param ic                    {@code metrics.ic}, {@code NaN} when absent
 * @param checksum              lower-case SHA-256 hex of model.onnx, when recorded
 * @param sequenceLength        T for raw_sequence models, 0 otherwise
 * @param sequenceNormalization {@code none} for feature models
 */
record ModelMeta(String target, String family, List<String> featureList, ModelKind kind, int intervalMinutes,
                 double ic, Optional<String> checksum, Optional<String> inputName, Optional<String> outputName,
                 InputMode inputMode, int sequenceLength, List<String> sequenceChannels,
                 String sequenceNormalization) {

    static final String FILE = "model_meta.json";
    static final int DEFAULT_SEQUENCE_LENGTH = 64;
    static final List<String> DEFAULT_CHANNELS = List.of("open", "high", "low", "close", "volume");
    private static final Set<String> CHANNELS = Set.copyOf(DEFAULT_CHANNELS);
    private static final List<String> NORMALIZATIONS = List.of("returns", "log_returns", "minmax", "none");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses and validates a model_meta.json.
     *
     * @throws ModelProblem naming the field and what is wrong with it
     */
    static ModelMeta parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelProblem(FILE + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + ModelProblem.oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ModelProblem(FILE + " cannot be read: " + ModelProblem.oneLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelProblem(FILE + " must hold a JSON object");
        }
        String target = requiredText(root, "target", "the training target, e.g. ret_5m");
        String family = requiredText(root, "family", "the model family, e.g. Ridge");
        ModelKind kind = kind(root);
        int interval = positiveInt(root, "interval_minutes", null);
        InputMode mode = inputMode(root);
        double ic = ic(root);
        Optional<String> checksum = optionalText(root, "model_checksum").map(c -> {
            if (!SHA256.matcher(c).matches()) {
                throw new ModelProblem(FILE + " field 'model_checksum' must be 64 hex digits (SHA-256 of model.onnx),"
                        + " was '" + c + "'");
            }
            return c.toLowerCase(Locale.ROOT);
        });
        Optional<String> inputName = optionalText(root, "input_name");
        Optional<String> outputName = optionalText(root, "output_name");
        if (mode == InputMode.FEATURES) {
            List<String> features = featureList(root);
            return new ModelMeta(target, family, features, kind, interval, ic, checksum, inputName, outputName,
                    mode, 0, List.of(), "none");
        }
        int length = root.has("sequence_length") ? positiveInt(root, "sequence_length", null) : DEFAULT_SEQUENCE_LENGTH;
        List<String> channels = root.has("sequence_channels") ? channels(root) : DEFAULT_CHANNELS;
        String normalization = normalization(root);
        return new ModelMeta(target, family, List.of(), kind, interval, ic, checksum, inputName, outputName,
                mode, length, channels, normalization);
    }

    private static String requiredText(JsonNode root, String field, String hint) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new ModelProblem(FILE + " is missing field '" + field + "' (" + hint + ")");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ModelProblem(FILE + " field '" + field + "' must be a non-empty string, was " + node);
        }
        return node.asText();
    }

    private static Optional<String> optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ModelProblem(FILE + " field '" + field + "' must be a non-empty string, was " + node);
        }
        return Optional.of(node.asText());
    }

    private static ModelKind kind(JsonNode root) {
        String kind = requiredText(root, "kind", "regression or probability");
        return switch (kind) {
            case "regression" -> ModelKind.REGRESSION;
            case "probability" -> ModelKind.PROBABILITY;
            default -> throw new ModelProblem(FILE + " field 'kind' must be regression or probability, was '"
                    + kind + "'");
        };
    }

    private static int positiveInt(JsonNode root, String field, String hint) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new ModelProblem(FILE + " is missing field '" + field + "'" + (hint == null ? "" : " (" + hint + ")"));
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() <= 0) {
            throw new ModelProblem(FILE + " field '" + field + "' must be a positive integer, was " + node);
        }
        return node.asInt();
    }

    private static InputMode inputMode(JsonNode root) {
        Optional<String> mode = optionalText(root, "input_mode");
        if (mode.isEmpty() || mode.get().equals("features")) {
            return InputMode.FEATURES;
        }
        if (mode.get().equals("raw_sequence")) {
            return InputMode.RAW_SEQUENCE;
        }
        throw new ModelProblem(FILE + " field 'input_mode' must be features or raw_sequence, was '" + mode.get() + "'");
    }

    private static double ic(JsonNode root) {
        JsonNode metrics = root.get("metrics");
        if (metrics == null || metrics.isNull()) {
            return Double.NaN;
        }
        if (!metrics.isObject()) {
            throw new ModelProblem(FILE + " field 'metrics' must be an object, was " + metrics);
        }
        JsonNode ic = metrics.get("ic");
        if (ic == null || ic.isNull()) {
            return Double.NaN;
        }
        if (!ic.isNumber() || !Double.isFinite(ic.asDouble()) || Math.abs(ic.asDouble()) > 1) {
            throw new ModelProblem(FILE + " field 'metrics.ic' must be a number in [-1, 1], was " + ic);
        }
        return ic.asDouble();
    }

    private static List<String> featureList(JsonNode root) {
        List<String> names = stringArray(root, "feature_list", "the ordered feature names");
        if (names.isEmpty()) {
            throw new ModelProblem(FILE + " field 'feature_list' is empty; a features model needs at least one");
        }
        return names;
    }

    private static List<String> channels(JsonNode root) {
        List<String> channels = stringArray(root, "sequence_channels", "open, high, low, close, volume");
        if (channels.isEmpty()) {
            throw new ModelProblem(FILE + " field 'sequence_channels' is empty");
        }
        for (String c : channels) {
            if (!CHANNELS.contains(c)) {
                throw new ModelProblem(FILE + " field 'sequence_channels' has unknown channel '" + c
                        + "' (expected open, high, low, close or volume)");
            }
        }
        return channels;
    }

    private static List<String> stringArray(JsonNode root, String field, String hint) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new ModelProblem(FILE + " is missing field '" + field + "' (" + hint + ")");
        }
        if (!node.isArray()) {
            throw new ModelProblem(FILE + " field '" + field + "' must be an array of strings, was " + node);
        }
        List<String> values = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new ModelProblem(FILE + " field '" + field + "' must hold only non-empty strings, found "
                        + element);
            }
            if (!seen.add(element.asText())) {
                throw new ModelProblem(FILE + " field '" + field + "' names '" + element.asText() + "' twice");
            }
            values.add(element.asText());
        }
        return List.copyOf(values);
    }

    private static String normalization(JsonNode root) {
        // Required: a default here would silently risk a train/serve mismatch in the input window.
        String value = requiredText(root, "sequence_normalization", "returns, log_returns, minmax or none");
        if (!NORMALIZATIONS.contains(value)) {
            throw new ModelProblem(FILE + " field 'sequence_normalization' must be returns, log_returns, minmax"
                    + " or none, was '" + value + "'");
        }
        return value;
    }
}
