package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves each Ed25519 provider row verifies the fixture signature, rejects a tampered one, and signs identically. */
class Ed25519ProviderBenchmarkTest {

    private final Ed25519ProviderBenchmark bench = new Ed25519ProviderBenchmark();
    private Ed25519ProviderBenchmark.Providers s;

    @BeforeEach
    void setUp() throws Exception {
        s = new Ed25519ProviderBenchmark.Providers();
        s.setup();
    }

    @Test
    void verifyWhenFixtureSignatureThenEveryProviderAccepts() throws Exception {
        assertTrue(bench.verifyJdkSunEc(s));
        assertTrue(bench.verifyBcProvider(s));
        assertTrue(bench.verifyBcLightweight(s));
        assertTrue(bench.verifyBcLightweight(s), "lightweight signer must reset after verifying");
        assertTrue(bench.verifyTink(s));
    }

    @Test
    void verifyWhenSignatureTamperedThenEveryProviderRejects() throws Exception {
        s.encodedSignature = VerifyBenchmarkTest.tamper(s.encodedSignature);
        assertFalse(bench.verifyJdkSunEc(s));
        assertFalse(bench.verifyBcProvider(s));
        assertFalse(bench.verifyBcLightweight(s));
        assertThrows(GeneralSecurityException.class, () -> bench.verifyTink(s));
    }

    @Test
    void signWhenAnyProviderThenSameDeterministicSignatureAsFixture() throws Exception {
        String expected = s.encodedSignature;
        assertEquals(expected, bench.signJdkSunEc(s));
        assertEquals(expected, bench.signBcProvider(s));
        assertEquals(expected, bench.signBcLightweight(s));
        assertEquals(expected, bench.signTink(s));
    }
}
