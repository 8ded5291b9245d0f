/**
 * Embedded Jetty hosting shared by the testkit's mock authorization server and the
 * {@code admin-auth-devserver} module. Not part of the testkit's supported API: it may change
 * in any release.
 */
package io.admin.auth.testkit.internal.http;
