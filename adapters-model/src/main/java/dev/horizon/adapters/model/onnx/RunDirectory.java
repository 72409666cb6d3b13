package dev.horizon.adapters.model.onnx;

import dev.horizon.application.port.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the model directories of a training run:
 * {@code <run_root>/targets/<target>/models/view=CROSS_SECTIONAL/family=<Family>/}.
 * Other views are not served and are ignored.
 */
final class RunDirectory {

    static final String LAYOUT = "targets/<target>/models/view=CROSS_SECTIONAL/family=<Family>/model.onnx";
    private static final String VIEW = "view=CROSS_SECTIONAL";
    private static final String FAMILY_PREFIX = "family=";

    /** Ids, and so families within a target, sort by code point, never by locale. */
    static final Comparator<String> CODE_POINT_ORDER = RunDirectory::compareCodePoints;

    private RunDirectory() {
    }

    /** One model directory, before anything in it has been read. */
    record Location(String target, String family, Path directory) {
        String id() {
            return target + "/" + family;
        }
    }

    /**
     * Lists the model directories, sorted by id.
     *
     * @throws ModelException naming the run directory when it is missing or holds no model
     */
    static List<Location> discover(Path runRoot) {
        if (!Files.isDirectory(runRoot)) {
            throw new ModelException("model run directory " + runRoot + " does not exist or is not a directory;"
                    + " point the model run directory at a trained run");
        }
        List<Location> found = new ArrayList<>();
        Path targets = runRoot.resolve("targets");
        if (Files.isDirectory(targets)) {
            for (Path targetDir : list(targets, runRoot)) {
                Path view = targetDir.resolve("models").resolve(VIEW);
                if (!Files.isDirectory(targetDir) || !Files.isDirectory(view)) {
                    continue;
                }
                for (Path familyDir : list(view, runRoot)) {
                    String name = familyDir.getFileName().toString();
                    if (Files.isDirectory(familyDir) && name.startsWith(FAMILY_PREFIX)
                            && name.length() > FAMILY_PREFIX.length()) {
                        found.add(new Location(targetDir.getFileName().toString(),
                                name.substring(FAMILY_PREFIX.length()), familyDir));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new ModelException("no models found under run directory " + runRoot + " (expected " + LAYOUT + ")");
        }
        found.sort(Comparator.comparing(Location::id, CODE_POINT_ORDER));
        return List.copyOf(found);
    }

    private static List<Path> list(Path dir, Path runRoot) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ModelException("model run directory " + runRoot + ": cannot list " + dir + ": "
                    + ModelProblem.oneLine(e.getMessage()), e);
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
