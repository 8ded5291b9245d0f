package io.admin.auth.benchmarks;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import io.admin.auth.core.TokenClaims;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our verifier and issuer set up on a {@link TokenFixture}'s key, with the checks the peers make: iss, aud,
 * typ, exp, nbf, plus what peers do not do: a revocation lookup in the in-memory store (holding
 * {@value #REVOKED} other revoked jtis, so the lookup is not into an empty map) and a principal built.
 */
public final class Ours {

    /** How many unrelated jtis the benchmark revocation store holds. */
    public static final int REVOKED = 10_000;
    /** The verifier's fixed clock: one hour after the fixture's {@code iat}, long before its {@code exp}. */
    public static final Instant NOW = TokenFixture.ISSUED_AT.plusSeconds(3600);

    private Ours() {}

    /** @return the fixture's key as our {@link SigningKey}, kid and algorithm as in the token header */
    public static SigningKey signingKey(TokenFixture f) {
        SigningAlgorithm alg = SigningAlgorithm.fromJwsName(f.algorithm().name()).orElseThrow();
        Key signing = f.algorithm().isMac() ? f.secretKey() : f.privateKey();
        Key verification = f.algorithm().isMac() ? f.secretKey() : f.publicKey();
        Instant created = TokenFixture.ISSUED_AT.minusSeconds(86_400);
        return new SigningKey(f.jwk().getKeyID(), alg, KeyState.ACTIVE, created, created, null, signing,
                verification);
    }

    /** @return an in-memory revocation store holding {@value #REVOKED} revoked jtis (none of them the fixture's) */
    public static RevocationStore revocations() {
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        for (int i = 0; i < REVOKED; i++) {
            store.revokeAccessToken("revoked-" + i, TokenFixture.EXPIRES_AT);
        }
        return store;
    }

    /** @return a verifier builder for the fixture: issuer, audience, key, fixed clock, revocation store */
    public static AccessTokenVerifierBuilder verifier(TokenFixture f) {
        SigningKey key = signingKey(f);
        return AccessTokenVerifier.builder()
                .issuer(TokenFixture.ISSUER)
                .audience(TokenFixture.AUDIENCE)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .keys(kid -> key.kid().equals(kid) ? java.util.Optional.of(key) : java.util.Optional.empty())
                .revocationStore(revocations());
    }

    /** @return the fixture's claims as our {@link TokenClaims} */
    public static TokenClaims claims() {
        return new TokenClaims(TokenFixture.ISSUER, TokenFixture.SUBJECT, List.of(TokenFixture.AUDIENCE),
                TokenFixture.EXPIRES_AT, TokenFixture.ISSUED_AT, TokenFixture.ISSUED_AT, TokenFixture.JWT_ID,
                TokenFixture.CLIENT_ID, Set.of(TokenFixture.SCOPE.split(" ")), null, Map.of());
    }
}
