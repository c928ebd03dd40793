package io.openassist.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The service as it ships: the WAR the build packaged, deployed unchanged to the test server that
 * Arquillian starts on the service's test port.
 */
public final class ServiceUnderTest {

  private ServiceUnderTest() {}

  public static WebArchive packagedWar() {
    File war = new File(required("it.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Package the service before its integration tests: " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, war.getName()).importFrom(war).as(WebArchive.class);
  }

  public static String baseUrl() {
    return "http://localhost:" + required("it.http.port");
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set (run via mvn)");
    }
    return value;
  }
}
