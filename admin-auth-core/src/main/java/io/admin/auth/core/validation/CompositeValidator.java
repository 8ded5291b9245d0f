package io.admin.auth.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * Runs validators in order and answers with the first rejection, or {@link ValidationResult#valid()}
 * when all pass (like Spring Security's {@code DelegatingOAuth2TokenValidator}, except that it stops
 * at the first failure: the caller returns one error, and later rules need not run on a token that is
 * already refused). The validators are copied into an array at construction, so a call allocates
 * nothing. Immutable and thread-safe.
 *
 * @param <T> what is validated
 */
public final class CompositeValidator<T> implements TokenValidator<T> {

  private final TokenValidator<? super T>[] validators;

  @SuppressWarnings("unchecked")
  private CompositeValidator(List<? extends TokenValidator<? super T>> validators) {
    this.validators = validators.toArray(new TokenValidator[0]);
    for (TokenValidator<? super T> v : this.validators) {
      Objects.requireNonNull(v, "validator");
    }
  }

  /**
   * The validators of {@code validators}, run in list order; an empty list accepts everything.
   *
   * @param <T> the type of what is validated
   * @param validators the validators, copied
   * @return a validator answering with the first rejection
   */
  public static <T> CompositeValidator<T> of(List<? extends TokenValidator<? super T>> validators) {
    return new CompositeValidator<>(Objects.requireNonNull(validators, "validators"));
  }

  /**
   * The given validators, run in argument order.
   *
   * @param <T> the type of what is validated
   * @param validators the validators, none {@code null}
   * @return a validator answering with the first rejection
   */
  @SafeVarargs
  public static <T> CompositeValidator<T> of(TokenValidator<? super T>... validators) {
    return new CompositeValidator<T>(List.of(validators));
  }

  /**
   * How many validators run.
   *
   * @return the number of validators, at least 0
   */
  public int size() {
    return validators.length;
  }

  @Override
  public ValidationResult validate(T token) {
    for (TokenValidator<? super T> v : validators) {
      ValidationResult result = v.validate(token);
      if (!result.isValid()) {
        return result;
      }
    }
    return ValidationResult.valid();
  }
}
