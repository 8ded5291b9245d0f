/**
 * Signing a person in without a browser, for users' tests: {@link
 * io.admin.auth.testkit.signin.SignInDriver} walks the authorization request, the login and
 * consent pages and the code exchange over plain HTTP.
 */
package io.admin.auth.testkit.signin;
