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
 * cache at its default bounds offered more distinct typical RS256 tokens than it holds (optional argument:
 * how many, default 70,000): how many it keeps, what each retains, and its own byte estimate (which must
 * not be below the real heap).
 */
public final class MemoryFootprint {

    private MemoryFootprint() {}

    /**
     * Prints both figures.
     *
     * @param args optionally, how many distinct tokens to offer the cache
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

        // Typical RS256 access tokens of our issuer, a subject per three tokens, seven clients, four scopes;
        // more than the default bounds hold, so the cache ends full at its default byte bound.
        TokenFixture f = TokenFixture.forAlgorithm("RS256");
        AccessTokenIssuer issuer = new AccessTokenIssuer(TokenFixture.ISSUER, TokenFixture.AUDIENCE,
                Clock.fixed(Ours.NOW, ZoneOffset.UTC), ids, JwsCrypto.defaults());
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        String[] tokens = new String[count];
        Set<String> scopes = Set.of(TokenFixture.SCOPE.split(" "));
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = issuer.issue(Ours.signingKey(f), "user-" + (100_000 + i / 3), "client-" + (i % 7),
                    scopes, Duration.ofHours(1), null).token();
        }
        before = usedAfterGc();
        AccessTokenVerifier verifier = Ours.verifier(f).build();
        for (String t : tokens) {
            // A copy, as a request's header value is: the cache keeps the string it was given, and that string
            // must count as the cache's (the array above keeps the originals alive either way).
            if (!(verifier.verify(new String(t.toCharArray())) instanceof AuthOutcome.Authenticated)) {
                throw new IllegalStateException("token rejected");
            }
        }
        long cache = usedAfterGc() - before;
        report("verified-token cache after " + tokens.length + " distinct RS256 tokens ("
                + tokens[0].length() + " chars), default bounds", cache, verifier.cachedTokens(),
                verifier.cachedTokens());
        System.out.printf(Locale.ROOT, "  cache's own estimate: %,d bytes = %d per entry (bound %,d bytes, %,d entries)%n",
                verifier.cachedBytes(), verifier.cachedBytes() / Math.max(1, verifier.cachedTokens()),
                AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES, AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_ENTRIES);
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
