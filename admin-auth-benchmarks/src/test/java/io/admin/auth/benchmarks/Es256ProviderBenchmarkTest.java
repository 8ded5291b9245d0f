package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves each ES256 provider row verifies the fixture signature, rejects a tampered one, and signs verifiably. */
class Es256ProviderBenchmarkTest {

    private final Es256ProviderBenchmark bench = new Es256ProviderBenchmark();
    private Es256ProviderBenchmark.Providers s;

    @BeforeEach
    void setUp() throws Exception {
        s = new Es256ProviderBenchmark.Providers();
        s.setup();
    }

    @Test
    void verifyWhenFixtureSignatureThenEveryProviderAccepts() throws Exception {
        assertTrue(bench.verifyJdkSunEc(s));
        assertTrue(bench.verifyBcProvider(s));
        assertTrue(bench.verifyBcLightweight(s));
        assertTrue(bench.verifyBcLightweight(s), "lightweight signer must reset after verifying");
    }

    @Test
    void verifyWhenSignatureTamperedThenEveryProviderRejects() throws Exception {
        s.encodedSignature = VerifyBenchmarkTest.tamper(s.encodedSignature);
        assertFalse(bench.verifyJdkSunEc(s));
        assertFalse(bench.verifyBcProvider(s));
        assertFalse(bench.verifyBcLightweight(s));
    }

    @Test
    void signWhenAnyProviderThenJdkVerifies() throws Exception {
        for (String sig : new String[] {bench.signJdkSunEc(s), bench.signBcProvider(s), bench.signBcLightweight(s)}) {
            s.encodedSignature = sig;
            assertTrue(bench.verifyJdkSunEc(s), sig);
        }
    }
}
