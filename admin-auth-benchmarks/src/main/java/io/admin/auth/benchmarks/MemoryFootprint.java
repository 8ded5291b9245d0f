package io.admin.auth.benchmarks;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.issue.AccessTokenIssuer;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * Retained heap, measured as heap in use after full collections before and after filling a structure (not a
 * JMH benchmark; run {@code java -cp benchmarks.jar io.admin.auth.benchmarks.MemoryFootprint}):
 * one million revoked jtis in the in-memory revocation store (target under 128 MB), and the verified-token
 * cache filled to its default entry bound with distinct valid tokens (its byte bound is an estimate; this
 * checks the estimate against the real heap).
 */
public final class MemoryFootprint {

    private MemoryFootprint() {}

    /**
     * Prints both figures.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        RandomTokens ids = new RandomTokens(random);
        Instant t0 = Instant.parse("2026-11-28T14:00:00Z");

        long before = usedAfterGc();
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            store.revokeAccessToken(ids.next(16), t0.plusSeconds(i % 3600));
        }
        long revoked = usedAfterGc() - before;
        report("revocation store, 1,000,000 revoked jtis", revoked, n, store.size());

        TokenFixture f = TokenFixture.forAlgorithm("HS256");
        AccessTokenIssuer issuer = new AccessTokenIssuer(TokenFixture.ISSUER, TokenFixture.AUDIENCE,
                Clock.fixed(Ours.NOW, ZoneOffset.UTC), ids, JwsCrypto.defaults());
        int entries = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_ENTRIES;
        String[] tokens = new String[entries * 2];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = issuer.issue(Ours.signingKey(f), TokenFixture.SUBJECT, TokenFixture.CLIENT_ID,
                    Set.of(TokenFixture.SCOPE.split(" ")), Duration.ofHours(1), null).token();
        }
        before = usedAfterGc();
        AccessTokenVerifier verifier = Ours.verifier(f).build();
        for (String t : tokens) {
            if (!(verifier.verify(t) instanceof AuthOutcome.Authenticated)) {
                throw new IllegalStateException("token rejected");
            }
        }
        long cache = usedAfterGc() - before;
        report("verified-token cache after " + tokens.length + " distinct tokens ("
                + tokens[0].length() + " chars)", cache, verifier.cachedTokens(), verifier.cachedTokens());
        System.out.printf(Locale.ROOT, "  cache's own estimate: %,d bytes (bound %,d)%n", verifier.cachedBytes(),
                AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES);
    }

    private static void report(String what, long bytes, int perEntryOf, int size) {
        System.out.printf(Locale.ROOT, "%s: %,d bytes retained = %.1f MB (%.1f MiB), %d bytes per entry, size %,d%n",
                what, bytes, bytes / 1e6, bytes / 1048576.0, bytes / Math.max(1, perEntryOf), size);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
