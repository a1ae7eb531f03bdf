package ai.phinite.tools.runtime;

/**
 * The call was stopped before it completed: its connection or runtime was closed ({@code kind}
 * {@code closed}), or it was cancelled or its thread interrupted ({@code kind} {@code cancelled}).
 * No request is sent after that; an exchange in progress is aborted.
 */
public final class CallAbortedException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final boolean nothingSent;

  private CallAbortedException(String kind, String message, boolean nothingSent) {
    super(message, null);
    this.kind = kind;
    this.nothingSent = nothingSent;
  }

  static CallAbortedException closed(String what, String subtool, boolean nothingSent) {
    return new CallAbortedException("closed", subtool + (nothingSent ? " was not sent: " : " stopped: ")
        + what + " is closed" + (nothingSent ? "" : "; its earlier requests were sent, nothing"
        + " further was"), nothingSent);
  }

  static CallAbortedException cancelled(String subtool, String how, boolean nothingSent) {
    return new CallAbortedException("cancelled", subtool + " was cancelled (" + how + ")"
        + (nothingSent ? "; nothing was sent" : "; nothing further was sent"), nothingSent);
  }

  /** {@code closed} or {@code cancelled}. */
  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean nothingSent() {
    return nothingSent;
  }
}
