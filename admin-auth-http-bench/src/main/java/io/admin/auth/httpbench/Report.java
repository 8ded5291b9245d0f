package io.admin.auth.httpbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Markdown report of one phase: per scenario, each contender's throughput as a ratio to the
 * baseline contender measured in the same round, the median of those ratios, the median
 * throughput, and the server's CPU time per request (with the baseline's divided by the
 * contender's, so that for both figures higher is better). A contender with no sample in a scenario
 * (it has no equivalent there) gets a row of "n/a", and the scenario may carry a note saying why.
 */
final class Report {

    private final String title;
    private final List<String> scenarios;
    private final List<String> contenders;
    private final List<Sample> samples;
    private final Map<String, String> notes;
    private final int rounds;

    /** A report over {@code samples}; the first of {@code contenders} is the baseline. */
    Report(String title, List<String> scenarios, List<String> contenders, List<Sample> samples) {
        this(title, scenarios, contenders, samples, Map.of());
    }

    /** The same, with a note printed under the heading of each scenario in {@code notes}. */
    Report(String title, List<String> scenarios, List<String> contenders, List<Sample> samples,
            Map<String, String> notes) {
        this.title = Objects.requireNonNull(title, "title");
        this.scenarios = List.copyOf(scenarios);
        this.contenders = List.copyOf(contenders);
        this.samples = List.copyOf(samples);
        this.notes = Map.copyOf(notes);
        this.rounds = samples.stream().mapToInt(Sample::round).max().orElse(0);
    }

    /** Whether {@code contender} was measured in {@code scenario}. */
    boolean applicable(String contender, String scenario) {
        return samples.stream().anyMatch(s -> s.contender().equals(contender) && s.scenario().equals(scenario));
    }

    /** Every sample, in the order measured. */
    List<Sample> samples() {
        return samples;
    }

    /** The scenarios, in the order reported. */
    List<String> scenarios() {
        return scenarios;
    }

    String baseline() {
        return contenders.get(0);
    }

    /** Throughput of {@code contender} ÷ the baseline's, per round (round 1 first). */
    double[] ratios(String contender, String scenario) {
        double[] out = new double[rounds];
        for (int r = 1; r <= rounds; r++) {
            out[r - 1] = sample(contender, scenario, r).throughput() / sample(baseline(), scenario, r).throughput();
        }
        return out;
    }

    /** Baseline CPU per request ÷ the contender's, per round: above 1 means cheaper than the baseline. */
    double[] cpuRatios(String contender, String scenario) {
        double[] out = new double[rounds];
        for (int r = 1; r <= rounds; r++) {
            out[r - 1] = sample(baseline(), scenario, r).cpuMicrosPerRequest()
                    / sample(contender, scenario, r).cpuMicrosPerRequest();
        }
        return out;
    }

    /** The median ratio of {@code contender} in {@code scenario}. */
    double medianRatio(String contender, String scenario) {
        return median(ratios(contender, scenario));
    }

    /** The median of {@code values} (mean of the middle two for an even count). */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The phase's Markdown: one table per scenario. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(title).append("\n\n");
        sb.append("Throughput ratio to `").append(baseline()).append("` in the same round (higher is better), ")
                .append("median of ").append(rounds).append(" rounds; server CPU time per request, and `")
                .append(baseline()).append("`'s CPU per request ÷ the row's (higher is better).\n");
        for (String scenario : scenarios) {
            sb.append("\n### ").append(scenario).append("\n\n");
            if (notes.containsKey(scenario)) {
                sb.append(notes.get(scenario)).append("\n\n");
            }
            sb.append("|  |");
            for (int r = 1; r <= rounds; r++) {
                sb.append(" round ").append(r).append(" |");
            }
            sb.append(" **median ratio** | median req/s | CPU µs/request (median) | CPU ratio (median) |\n|---|");
            sb.append("---|".repeat(rounds + 4)).append('\n');
            for (String c : contenders) {
                sb.append("| ").append(c).append(" |");
                if (!applicable(c, scenario)) {
                    sb.append(" n/a |".repeat(rounds)).append(" **n/a** |").append(" n/a |".repeat(3)).append('\n');
                    continue;
                }
                for (double ratio : ratios(c, scenario)) {
                    sb.append(' ').append(fmt(ratio)).append(" |");
                }
                sb.append(" **").append(fmt(medianRatio(c, scenario))).append("** | ")
                        .append(String.format(Locale.ROOT, "%,.0f", median(column(c, scenario, false)))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", median(column(c, scenario, true)))).append(" | ")
                        .append(fmt(median(cpuRatios(c, scenario)))).append(" |\n");
            }
        }
        return sb.toString();
    }

    private double[] column(String contender, String scenario, boolean cpu) {
        List<Double> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Sample s = sample(contender, scenario, r);
            out.add(cpu ? s.cpuMicrosPerRequest() : s.throughput());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Sample sample(String contender, String scenario, int round) {
        return samples.stream()
                .filter(s -> s.contender().equals(contender) && s.scenario().equals(scenario) && s.round() == round)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample " + contender + "/" + scenario + "/" + round));
    }

    static String fmt(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
