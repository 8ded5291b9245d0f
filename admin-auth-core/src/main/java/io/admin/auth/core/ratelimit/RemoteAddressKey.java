package io.admin.auth.core.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The rate-limit key of a remote address: the one place every per-address limit and throttle
 * builds it, so they all count the same way.
 *
 * <p>An IPv4 address is keyed whole ({@code "ip:10.0.0.1"}), an IPv4-mapped IPv6 address as its
 * IPv4 address. Any other IPv6 address is keyed by its /64 prefix ({@code
 * "ip:2001:db8:1:2::/64"}): one host is routinely given a whole /64, so keying full addresses
 * would let it walk around every per-address limit by changing its interface identifier.
 * Anything that is not an IP literal is keyed as given; it is never resolved.
 */
public final class RemoteAddressKey {

  private RemoteAddressKey() {}

  /**
   * The key for {@code remoteAddr} as a container reports it ({@code getRemoteAddr()}).
   *
   * @param remoteAddr an IP literal, IPv6 optionally in brackets or with a zone id
   * @return {@code "ip:"} followed by the IPv4 address or the IPv6 /64 prefix
   */
  public static String of(String remoteAddr) {
    String literal = ipv6Literal(remoteAddr);
    if (literal == null) {
      return "ip:" + remoteAddr;
    }
    byte[] bytes;
    InetAddress address;
    try {
      // A string of hex digits, colons and dots is parsed as a literal, never looked up.
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException | SecurityException e) {
      return "ip:" + remoteAddr;
    }
    if (address instanceof Inet4Address) {
      return "ip:" + address.getHostAddress();
    }
    bytes = address.getAddress();
    StringBuilder key = new StringBuilder("ip:");
    for (int group = 0; group < 4; group++) {
      int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
      key.append(Integer.toHexString(value)).append(':');
    }
    return key.append(":/64").toString();
  }

  /** The address without brackets and zone if it looks like an IPv6 literal, else null. */
  private static String ipv6Literal(String remoteAddr) {
    if (remoteAddr == null || remoteAddr.indexOf(':') < 0 || remoteAddr.length() > 64) {
      return null;
    }
    String s = remoteAddr;
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.isEmpty()) {
      // InetAddress reads an empty name as the loopback address: "%:1" is not an address.
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return null;
      }
    }
    return s;
  }
}
