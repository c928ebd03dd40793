package io.openassist.file.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The file-service's REST application, served from the root so that every path, known or not, is
 * answered by Jakarta REST (and so in the common problem shape).
 */
@ApplicationPath("/")
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API key (sk_...) or the identity provider's JWT")
@OpenAPIDefinition(
    security = @SecurityRequirement(name = "bearer"),
    info =
        @Info(
            title = "OpenAssist file-service",
            version = "v1",
            description = "Knowledge files of assistants: metadata, bytes and processing."))
public class FileApplication extends Application {}
