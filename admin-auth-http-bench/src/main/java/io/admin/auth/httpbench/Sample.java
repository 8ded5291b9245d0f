package io.admin.auth.httpbench;

/**
 * One measurement: a contender in a scenario in one round.
 *
 * @param contender the contender's name
 * @param scenario the scenario's name
 * @param round 1-based round number
 * @param requests completed requests, every one with the expected status
 * @param seconds measured wall-clock time
 * @param cpuSeconds CPU time the server process used in that time (all threads, user + system)
 */
record Sample(String contender, String scenario, int round, long requests, double seconds, double cpuSeconds) {

    /** Requests per second. */
    double throughput() {
        return requests / seconds;
    }

    /** Server CPU time per request, in microseconds. */
    double cpuMicrosPerRequest() {
        return cpuSeconds * 1e6 / requests;
    }

    /** A CSV line (names quoted): contender, scenario, round, requests, seconds, cpu seconds, req/s, CPU µs per request. */
    String csv() {
        return String.format(java.util.Locale.ROOT, "\"%s\",\"%s\",%d,%d,%.3f,%.3f,%.1f,%.2f", contender, scenario, round,
                requests, seconds, cpuSeconds, throughput(), cpuMicrosPerRequest());
    }
}
