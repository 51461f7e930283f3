package org.claimdesk.casework.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Which page of a queue: after the cursor a previous page gave as {@code next}, how many. */
public class PageParams {
  /** Opaque to clients, Base64url: anything else cannot be a cursor we gave. */
  @QueryParam("after")
  @Size(max = 1000)
  @Pattern(regexp = "[A-Za-z0-9_-]*", message = "must be the 'next' of the previous page")
  String after;

  @QueryParam("limit")
  @DefaultValue("50")
  @Min(1)
  @Max(500)
  Integer limit;
}
