package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.signin.AuthorizationRequestResult;
import org.junit.jupiter.api.Test;

/** Proves the sign-in rows measure the success path: a valid request and a redirect with a code. */
class SignInRequestBenchmarkTest {

    @Test
    void parseWhenTypicalRequestThenValid() {
        SignInRequestBenchmark.Request s = new SignInRequestBenchmark.Request();
        s.setup();
        assertInstanceOf(AuthorizationRequestResult.Valid.class, new SignInRequestBenchmark().parse(s));
    }

    @Test
    void parseDecideAndRedirectWhenSessionAndConsentThenRedirectWithCode() {
        SignInRequestBenchmark.Request s = new SignInRequestBenchmark.Request();
        s.setup();
        assertEquals("https://partner.example.com/oauth/callback?code=SplxlOBeZQQYbYS6WxSbIA"
                + "&state=af0ifjsldkj-3c8f1e7a9b2d4&iss=https%3A%2F%2Fissuer.example",
                new SignInRequestBenchmark().parseDecideAndRedirect(s));
    }
}
