package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteAddressKeyTest {

  @Test
  void ofWhenIpv6AddressesShareA64BitPrefixThenOneKey() {
    String key = RemoteAddressKey.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    assertEquals("ip:2001:db8:1:2::/64", key);
    assertEquals(key, RemoteAddressKey.of("2001:db8:1:2::1"));
    assertEquals(key, RemoteAddressKey.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
    assertEquals(key, RemoteAddressKey.of("[2001:db8:1:2::7]"));
    assertEquals(key, RemoteAddressKey.of("2001:db8:1:2::7%eth0"));
    assertNotEquals(key, RemoteAddressKey.of("2001:db8:1:3::1"));
  }

  @ParameterizedTest
  @CsvSource({
      "10.0.0.1,ip:10.0.0.1",
      "::ffff:10.0.0.1,ip:10.0.0.1",
      "::1,ip:0:0:0:0::/64",
      "0:0:0:0:0:0:0:1,ip:0:0:0:0::/64",
      "fe80::1%1,ip:fe80:0:0:0::/64",
      "not-an-address,ip:not-an-address",
      "1:2:3,ip:1:2:3"})
  void ofWhenOtherFormsThenIpv4WholeIpv6By64AndGarbageAsGiven(String address, String key) {
    assertEquals(key, RemoteAddressKey.of(address));
  }
}
