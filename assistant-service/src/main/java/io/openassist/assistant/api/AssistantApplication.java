package io.openassist.assistant.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The assistant-service's REST application, served from the root so that every path, known or not,
 * is answered by Jakarta REST (and so in the common problem shape).
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpenAssist assistant-service",
            version = "v1",
            description = "Assistants: definition, model, instructions, tools and permissions."))
public class AssistantApplication extends Application {}
