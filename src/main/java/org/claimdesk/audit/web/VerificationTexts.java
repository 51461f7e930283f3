package org.claimdesk.audit.web;

import org.claimdesk.audit.AuditLog;
import org.claimdesk.audit.ChainVerifier;
import org.claimdesk.platform.web.Feedback;

/**
 * A verification of a filtered view in the viewer's language, for the log and the story alike. (Why
 * a chain is broken is told in English, as the verifier, the API and the command line report it.)
 */
final class VerificationTexts {
  private VerificationTexts() {}

  /** The whole chain: "N events, intact, head hash …" or where it broke. */
  static String chain(AuditLog.ShownVerification verification) {
    if (verification == null) {
      return "";
    }
    ChainVerifier.Report chain = verification.chain();
    return chain.intact()
        ? Feedback.text("audit.summary.intact", chain.events(), chain.headHash())
        : Feedback.text("audit.summary.broken", chain.brokenAt(), chain.problem());
  }

  /** How many of the events shown lie in the verified, intact chain. */
  static String shown(AuditLog.ShownVerification verification) {
    return verification == null
        ? ""
        : Feedback.text("audit.summary.shown", verification.shown(), verification.shownIntact());
  }
}
