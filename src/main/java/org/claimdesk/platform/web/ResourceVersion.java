package org.claimdesk.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version of the desk's own styles and scripts: a hash of their content, which OmniFaces'
 * VersionedResourceHandler appends to their addresses ({@code ?v=…}, web.xml). Browsers may then
 * keep them as long as the resource handler says, yet load the new ones the moment a release
 * changes them.
 */
@Named
@ApplicationScoped
public class ResourceVersion {
  private static final String FOLDER = "/resources/claimdesk/";
  private String hash;

  public String getHash() {
    if (hash == null) {
      hash =
          of((ServletContext) FacesContext.getCurrentInstance().getExternalContext().getContext());
    }
    return hash;
  }

  private static String of(ServletContext context) {
    Set<String> paths = context.getResourcePaths(FOLDER);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String path : new TreeSet<>(paths == null ? Set.of() : paths)) {
        sha256.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = context.getResourceAsStream(path)) {
          if (in != null) {
            sha256.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
