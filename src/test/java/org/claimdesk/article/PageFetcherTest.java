package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PageFetcherTest {

  @Test
  void privateAndLocalAddressesAreRecognised() throws Exception {
    for (String local :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
          "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"
        }) {
      assertTrue(PageFetcher.isPrivate(InetAddress.getByName(local)), local);
    }
    for (String pub : new String[] {"93.184.216.34", "100.128.0.1", "2606:2800:220:1::1"}) {
      assertFalse(PageFetcher.isPrivate(InetAddress.getByName(pub)), pub);
    }
  }

  @Test
  void onlyWebAddressesAreAccepted() {
    assertEquals("https", PageFetcher.parse(" https://example.org/a ").getScheme());
    for (String bad :
        new String[] {"", "file:///etc/passwd", "ftp://x.org/", "http://", "no url"}) {
      assertThrows(IllegalArgumentException.class, () -> PageFetcher.parse(bad), bad);
    }
  }
}
