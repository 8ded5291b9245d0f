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

  @ParameterizedTest
  @CsvSource({
      "2001:DB8:1:2::1,ip:2001:db8:1:2::/64",
      "[2001:db8::1,ip:[2001:db8::1",
      "2001:db8::1],ip:2001:db8::1]",
      "%:1,ip:%:1",
      "[%eth0:1],ip:[%eth0:1]"})
  void ofWhenUpperCaseOrHalfBracketedOrEmptyBeforeTheZoneThenOnlyRealAddressesNormalized(
      String address, String key) {
    // A malformed address must never be keyed as a real one (an empty literal is the loopback
    // address to InetAddress), or its failures would be counted against that address.
    assertEquals(key, RemoteAddressKey.of(address));
  }

  @Test
  void ofWhenLongerThan64CharactersThenKeyedAsGivenWithoutParsing() {
    String at64 = "fe80::1%" + "z".repeat(56);
    String at65 = at64 + "z";

    assertEquals("ip:fe80:0:0:0::/64", RemoteAddressKey.of(at64));
    assertEquals("ip:" + at65, RemoteAddressKey.of(at65));
  }

  @Test
  void ofWhenNullThenKeyedAsGivenWithoutException() {
    assertEquals("ip:null", RemoteAddressKey.of(null));
  }
}

