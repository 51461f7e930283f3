package org.claimdesk.verdict;

/** Why a published verdict was republished: a factual error fixed, or new information added. */
public enum CorrectionKind {
  CORRECTION,
  UPDATE
}
