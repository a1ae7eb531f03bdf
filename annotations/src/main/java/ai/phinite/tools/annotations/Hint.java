package ai.phinite.tools.annotations;

/**
 * A behaviour hint's value on {@link Subtool}: inferred from the HTTP method, or set explicitly.
 */
public enum Hint {
  /** Inferred from the HTTP method (see {@link Subtool}). */
  INFER,
  /** The hint is true. */
  TRUE,
  /** The hint is false. */
  FALSE
}
