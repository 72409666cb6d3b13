package dev.horizon.adapters.model.onnx;

/**
 * One problem with one model directory, described without the directory; the registry prefixes
 * the directory and turns it into a {@link dev.horizon.application.port.ModelException}.
 */
final class ModelProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ModelProblem(String problem) {
        super(problem, null, false, false);
    }

    ModelProblem(String problem, Throwable cause) {
        super(problem, cause, false, false);
    }

    /** Collapses whitespace and line breaks so that a foreign message fits on one line. */
    static String oneLine(String text) {
        return text == null ? "(no detail)" : text.strip().replaceAll("\\s+", " ");
    }
}
