/**
 * The sign-in servlets and their helpers: not API, may change in any release.
 */
package io.admin.auth.servlet.signin.internal;
