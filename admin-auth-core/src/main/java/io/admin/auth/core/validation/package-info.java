/**
 * Validation rules for JWTs, one class per rule, shared by every verifier so that each rule is
 * written once and answers the same way: {@link io.admin.auth.core.validation.TokenValidator} (one
 * rule, answering a {@link io.admin.auth.core.validation.ValidationResult}),
 * {@link io.admin.auth.core.validation.CompositeValidator} (rules in order, first rejection wins),
 * and the default rules of each {@link io.admin.auth.core.validation.TokenKind} from
 * {@link io.admin.auth.core.validation.JwtValidators}.
 *
 * <p>Rules read library-neutral views, {@link io.admin.auth.core.validation.JwtHeader} and
 * {@link io.admin.auth.core.validation.JwtClaims}; they never parse or check signatures, which
 * stays with the verifiers. A passing rule answers a shared constant and allocates nothing, as the
 * own verifier runs them on every request.
 */
package io.admin.auth.core.validation;
