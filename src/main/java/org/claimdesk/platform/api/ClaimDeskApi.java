package org.claimdesk.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API under /api. Its OpenAPI document is served at /openapi. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "ClaimDesk API",
            version = "1",
            description =
                "Fact-check case management. Authenticate with 'Authorization: Bearer <token>'; "
                    + "obtain a token with POST /api/tokens using HTTP Basic once. Errors are "
                    + "application/problem+json (RFC 9457)."),
    security = @SecurityRequirement(name = "bearer"))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "bearer",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      in = SecuritySchemeIn.HEADER),
  @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
})
public class ClaimDeskApi extends Application {}
