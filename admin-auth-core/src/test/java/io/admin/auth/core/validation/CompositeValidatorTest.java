package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeValidatorTest {

  private final List<String> calls = new ArrayList<>();
  private final ValidationResult first = ValidationResult.rejected(
      TokenKind.OWN_ACCESS_TOKEN.invalid(), "first");
  private final ValidationResult second = ValidationResult.rejected(
      TokenKind.OWN_ACCESS_TOKEN.notYetValid(), "second");

  private TokenValidator<String> recording(String name, ValidationResult answer) {
    return token -> {
      calls.add(name);
      return answer;
    };
  }

  @Test
  void validateWhenAllPassThenValidAfterRunningEachInOrder() {
    CompositeValidator<String> all = CompositeValidator.of(
        recording("a", ValidationResult.valid()), recording("b", ValidationResult.valid()),
        recording("c", ValidationResult.valid()));

    assertValid(all.validate("token"));
    assertEquals(List.of("a", "b", "c"), calls);
  }

  @Test
  void validateWhenOneRejectsThenItsRejectionAndLaterValidatorsNotRun() {
    CompositeValidator<String> all = CompositeValidator.of(
        recording("a", ValidationResult.valid()), recording("b", first),
        recording("c", second));

    assertSame(first, all.validate("token"));
    assertEquals(List.of("a", "b"), calls);
  }

  @Test
  void validateWhenSeveralRejectThenFirstInListOrderWins() {
    CompositeValidator<String> all = CompositeValidator.of(List.of(
        recording("c", second), recording("b", first)));

    assertSame(second, all.validate("token"));
    assertEquals(List.of("c"), calls);
  }

  @Test
  void validateWhenEmptyThenValid() {
    CompositeValidator<String> none = CompositeValidator.of(List.of());

    assertValid(none.validate("token"));
    assertEquals(0, none.size());
  }

  @Test
  void ofWhenListChangesLaterThenCompositeUnaffected() {
    List<TokenValidator<String>> list = new ArrayList<>();
    list.add(recording("a", ValidationResult.valid()));
    CompositeValidator<String> all = CompositeValidator.of(list);

    list.add(recording("b", first));

    assertValid(all.validate("token"));
    assertEquals(1, all.size());
  }

  @Test
  void ofWhenValidatorNullThenThrows() {
    assertThrows(NullPointerException.class,
        () -> CompositeValidator.of(Arrays.asList(recording("a", first), null)));
    assertThrows(NullPointerException.class,
        () -> CompositeValidator.of((List<TokenValidator<String>>) null));
  }

  @Test
  void validateWhenValidatorOfSupertypeThenAccepted() {
    TokenValidator<Object> any = token -> token == null ? first : ValidationResult.valid();
    CompositeValidator<String> all = CompositeValidator.of(any);

    assertValid(all.validate("token"));
    assertSame(first, all.validate(null));
  }
}
