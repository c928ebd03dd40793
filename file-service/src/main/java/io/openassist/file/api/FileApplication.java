package io.openassist.file.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The file-service's REST application, served from the root so that every path, known or not, is
 * answered by Jakarta REST (and so in the common problem shape).
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpenAssist file-service",
            version = "v1",
            description = "Knowledge files of assistants: metadata, bytes and processing."))
public class FileApplication extends Application {}
