package ai.phinite.tools.runtime;

import java.time.Duration;

/** Combines listeners, and keeps a listener's exception from reaching a call. */
final class Listeners {
  private Listeners() {}

  static CallListener.Observer started(CallListener listener, CallListener.Call call) {
    try {
      CallListener.Observer o = listener.callStarted(call);
      return o == null ? CallListener.Observer.NONE : o;
    } catch (RuntimeException e) {
      return CallListener.Observer.NONE;
    }
  }

  static CallListener.Observer both(CallListener.Observer a, CallListener.Observer b) {
    if (a == CallListener.Observer.NONE) {
      return b;
    }
    if (b == CallListener.Observer.NONE) {
      return a;
    }
    return new CallListener.Observer() {
      @Override
      public void attemptStarted(CallListener.Attempt attempt) {
        a.attemptStarted(attempt);
        b.attemptStarted(attempt);
      }

      @Override
      public void attemptEnded(CallListener.Attempt attempt, int status, String errorKind,
          Duration duration) {
        a.attemptEnded(attempt, status, errorKind, duration);
        b.attemptEnded(attempt, status, errorKind, duration);
      }

      @Override
      public void waiting(CallListener.Wait reason, Duration duration) {
        a.waiting(reason, duration);
        b.waiting(reason, duration);
      }

      @Override
      public void callEnded(CallListener.Outcome outcome) {
        a.callEnded(outcome);
        b.callEnded(outcome);
      }
    };
  }
}
