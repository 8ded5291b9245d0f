/**
 * Typed reading of flat configuration ({@code .properties} files, maps of settings):
 * {@link io.admin.auth.core.config.ConfigReader} applies one set of rules for booleans, numbers,
 * durations and lists everywhere, and every problem is a
 * {@link io.admin.auth.core.config.ConfigException} naming the full property, never echoing the
 * value of a secret.
 */
package io.admin.auth.core.config;
