/**
 * Implementation shared by several packages of this module. Public only so those packages can
 * reach it; not an API: anything here may change or disappear in any release.
 */
package io.admin.auth.servlet.internal;
